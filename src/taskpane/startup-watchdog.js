/*
 * Plain ES5 on purpose: this is the one script that still runs where the pane's own code cannot — Office
 * versions that show add-ins in Internet Explorer 11 or the old Edge (EdgeHTML), which React 19 and Fluent UI
 * do not support. There it switches to the lite pane (taskpane-lite.html: check, colour-code, summarise, in
 * ES5), keeping the query string Office adds (_host_Info). Elsewhere, if the pane has not replaced the
 * start-up text after a while, it says so in words.
 */
(function () {
  // Trident/ is IE11's web view (Office 2016 MSI and volume-licensed 2019); Edge/12–18 is EdgeHTML (Office
  // 2019 retail on Windows 10). Chromium Edge (WebView2) says Edg/, which does not match. ?pane=lite forces it.
  var ua = navigator.userAgent || '';
  var forced = /[?&]pane=lite(&|$)/.test(location.search);
  if (forced || /Trident\//.test(ua) || /\bEdge\/1\d\./.test(ua)) {
    location.replace('taskpane-lite.html' + location.search + location.hash);
    return;
  }

  var WAIT_MS = 20000;
  setTimeout(function () {
    var box = document.getElementById('boot-message');
    if (!box) return; // the pane started
    while (box.firstChild) box.removeChild(box.firstChild);
    var lines = [
      '任务分工助手无法在此版本的 Office 中运行：它需要 Microsoft 365、Office 2021 或更新版本（Windows 上需 Microsoft Edge WebView2），或网页版 Excel、Mac 版 Excel。',
      '也可以使用命令行版本（allocation check / highlight / summary）处理同一个文件。如网络受限，请管理员确认 office.js 地址设置。',
      'The Task Allocation Assistant cannot run in this version of Office: it needs Microsoft 365, Office 2021 or later (with Microsoft Edge WebView2 on Windows), Excel on the web or Excel for Mac. The command-line tool handles the same files.',
    ];
    for (var i = 0; i < lines.length; i++) {
      var p = document.createElement('p');
      p.appendChild(document.createTextNode(lines[i]));
      box.appendChild(p);
    }
  }, WAIT_MS);
})();

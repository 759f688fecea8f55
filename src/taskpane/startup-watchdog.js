/*
 * Plain ES5 on purpose: this is the one script that still runs where the pane's own code cannot — Office
 * versions that show add-ins in Internet Explorer 11 or the old Edge (EdgeHTML), which React 19 and Fluent UI
 * do not support. If the pane has not replaced the start-up text after a while, say so in words.
 */
(function () {
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

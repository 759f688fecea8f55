/*
 * The WPS 加载项's own page script (loaded by index.html, which WPS opens in the background): the ribbon's
 * callbacks. 打开助手 opens the assistant's task pane, the same pane as in Excel, with Application.CreateTaskPane
 * (wps-jsapi index.d.ts: "创建完这个taskpane后，需要将Visible属性置为true"). The pane's id is kept in
 * PluginStorage, shared by the add-in's pages, so a second click shows the pane again instead of a second one.
 * Plain ES5: it runs as WPS loads it, without a build step of its own.
 */
var PANE_ID_KEY = 'taskAllocationPaneId';

function paneUrl() {
  // taskpane.html sits beside this add-in's index.html, online or unpacked from the offline package.
  return document.location.href.replace(/[^/]*([?#].*)?$/, '') + 'taskpane.html';
}

function OnAddinLoad(ribbonUI) {
  window.Application.ribbonUI = ribbonUI;
  return true;
}

function openAssistant() {
  var app = window.Application;
  var storage = app.PluginStorage;
  var known = storage ? storage.getItem(PANE_ID_KEY) : null;
  if (known && app.GetTaskPane) {
    var existing = app.GetTaskPane(known);
    if (existing) {
      existing.Visible = true;
      return;
    }
  }
  var pane = app.CreateTaskPane(paneUrl(), '任务分工助手');
  if (storage && pane.ID) storage.setItem(PANE_ID_KEY, pane.ID);
  pane.Visible = true;
}

function OnAction(control) {
  if (control.Id === 'btnOpenAssistant') openAssistant();
  return true;
}

function GetImage(control) {
  return control.Id === 'btnOpenAssistant' ? 'assets/icon-32.png' : '';
}

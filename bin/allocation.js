#!/usr/bin/env node
// The CLI is compiled by `npm run build:cli` (run automatically by `npm ci` through `prepare`).
const path = require('path');
const fs = require('fs');
const entry = path.join(__dirname, '..', 'build', 'cli', 'main.js');
if (!fs.existsSync(entry)) {
  console.error('任务分工助手命令行尚未编译，请先运行 npm run build:cli（The CLI is not built yet: run npm run build:cli）');
  process.exit(2);
}
require(entry).runFromProcess();

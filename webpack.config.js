/**
 * Builds the task pane (dist/taskpane.html) and the browser preview (dist/preview.html).
 *
 * Build settings (environment variables):
 *   OFFICE_JS_URL   where taskpane.html loads office.js from. Default: Microsoft's CDN. For mainland China or a
 *                   closed network, point it at a partner CDN or an intranet copy of @microsoft/office-js/dist
 *                   (office.js with o15apptofilemappingtable.js and the per-host files beside it). A path such as
 *                   /office-js/office.js serves it from the add-in's own server.
 *   ADDIN_URL_PROD  where the built files will be served (with trailing slash). dist/manifest.xml gets every
 *                   https://localhost:3000/ replaced by it, as the yo-office template does.
 *   PORT            dev-server port (default 3000).
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const {
  contentSecurityPolicy,
  externalOrigin,
  manifestForProduction,
  officeJsUrlFrom,
  urlProdFrom,
} = require('./scripts/addin-build');

/** Dev certificates made by `office-addin-dev-certs install` (that command needs admin rights; read them directly). */
function devHttpsOptions() {
  const dir = path.join(os.homedir(), '.office-addin-dev-certs');
  const files = { key: 'localhost.key', cert: 'localhost.crt', ca: 'ca.crt' };
  if (!Object.values(files).every((f) => fs.existsSync(path.join(dir, f)))) return null;
  return Object.fromEntries(Object.entries(files).map(([k, f]) => [k, fs.readFileSync(path.join(dir, f))]));
}

module.exports = (env = {}, argv = {}) => {
  const dev = argv.mode !== 'production';
  const officeJsUrl = officeJsUrlFrom(process.env);
  const urlProd = urlProdFrom(process.env);
  // --env only=taskpane builds just the pane (the bundle-size check), --env outDir=… writes elsewhere.
  const onlyPane = env.only === 'taskpane';
  const csp = contentSecurityPolicy(externalOrigin(officeJsUrl), dev);
  const https = dev ? devHttpsOptions() : null;
  const samples = path.resolve(__dirname, 'samples');

  return {
    mode: dev ? 'development' : 'production',
    // The default development devtool wraps modules in eval(), which the CSP forbids.
    devtool: dev ? 'source-map' : false,
    entry: onlyPane
      ? { taskpane: './src/taskpane/index.tsx' }
      : { taskpane: './src/taskpane/index.tsx', preview: './src/preview/index.tsx' },
    output: {
      path: path.resolve(__dirname, env.outDir || 'dist'),
      filename: '[name].[contenthash:8].js',
      chunkFilename: '[name].[contenthash:8].js',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js'],
    },
    // ExcelJS (the preview's simulator, the pane's 回收 files) is not bundled: its browser build is already minified
    // and self-contained, so pages load it as a file of its own (vendor/) — the pane only when a feature needs it.
    externals: { exceljs: 'ExcelJS' },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { module: 'esnext', sourceMap: dev } } },
        },
      ],
    },
    performance: { hints: false }, // the budget is enforced by scripts/bundle-size.js and its test
    optimization: {
      splitChunks: { chunks: 'async' },
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
        templateParameters: { officeJsUrl, csp },
      }),
      ...(onlyPane
        ? []
        : [
            new HtmlWebpackPlugin({
              filename: 'preview.html',
              template: './src/preview/preview.html',
              chunks: ['preview'],
              templateParameters: { csp },
            }),
          ]),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'src/taskpane/help.html', to: 'help.html' },
          { from: 'src/taskpane/startup-watchdog.js', to: 'startup-watchdog.js', info: { minimized: true } },
          // ExcelJS for the preview's simulator and, loaded on demand, for the pane's 回收 files.
          { from: 'node_modules/exceljs/dist/exceljs.min.js', to: 'vendor/exceljs.min.js' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => (dev ? content : manifestForProduction(content.toString(), urlProd)),
          },
          ...(fs.existsSync(samples)
            ? [{ from: 'samples/*.xlsx', to: 'samples/[name][ext]', noErrorOnMissing: true }]
            : []),
        ],
      }),
    ],
    devServer: {
      host: 'localhost',
      port: Number(process.env.PORT || 3000),
      // https when the Office dev certificates exist (needed to sideload); plain http is enough for the preview.
      server: https ? { type: 'https', options: https } : 'http',
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: false,
      hot: false,
      client: { overlay: false },
    },
  };
};

/**
 * Builds the task pane (dist/taskpane.html), the browser preview (dist/preview.html) and the lite pane
 * (dist/taskpane-lite.html: plain DOM compiled to ES5 for Office 2016/2019 in IE11 or EdgeHTML, which
 * startup-watchdog.js switches to). The lite pane is a second compilation: the shared domain and workflow
 * modules are compiled again to ES5 there, and its bundle does not count toward the modern pane's budget.
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
  builtManifest,
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

/** TypeScript for the ES5 engines (IE11's Trident, EdgeHTML): syntax downlevelled, library gaps polyfilled by core-js. */
const LITE_TS_OPTIONS = {
  instance: 'lite', // ts-loader keeps one compiler per instance name: the modern and lite options must not mix
  transpileOnly: true,
  compilerOptions: {
    target: 'es5',
    module: 'esnext',
    downlevelIteration: true,
    lib: ['es5', 'es2015', 'es2016', 'es2017', 'es2018', 'es2019', 'es2020', 'es2021', 'es2022', 'dom', 'dom.iterable'],
  },
};

/** The lite pane: its own page, same CSP and office.js, no React, no Fluent UI, nothing newer than ES5. */
function liteConfig({ dev, officeJsUrl, csp, outDir, alone }) {
  return {
    name: 'lite',
    // After the modern build, whose output.clean would otherwise race with it; built alone it cleans itself.
    dependencies: alone ? [] : ['modern'],
    mode: dev ? 'development' : 'production',
    devtool: dev ? 'source-map' : false,
    // es5: webpack's own runtime and terser's output stay ES5 as well.
    target: ['web', 'es5'],
    entry: { 'taskpane-lite': './src/taskpane-lite/index.ts' },
    output: { path: outDir, filename: '[name].[contenthash:8].js', clean: alone },
    resolve: {
      extensions: ['.ts', '.js'],
      // fastest-levenshtein's ES module build is ES2015; its CommonJS build is ES5.
      alias: { 'fastest-levenshtein$': require.resolve('fastest-levenshtein/mod.js') },
    },
    externals: { exceljs: 'ExcelJS' },
    module: {
      rules: [
        { test: /\.ts$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { ...LITE_TS_OPTIONS, compilerOptions: { ...LITE_TS_OPTIONS.compilerOptions, sourceMap: dev } } } },
      ],
    },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane-lite.html',
        template: './src/taskpane-lite/taskpane-lite.html',
        templateParameters: { officeJsUrl, csp },
      }),
      new CopyWebpackPlugin({ patterns: [{ from: 'src/taskpane-lite/lite.css', to: 'taskpane-lite.css' }] }),
    ],
  };
}

/** TypeScript for the modern pages (the pane in Excel and in WPS, the preview). */
function modernTsRule(dev) {
  return {
    test: /\.tsx?$/,
    exclude: /node_modules/,
    use: { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { module: 'esnext', sourceMap: dev } } },
  };
}

/**
 * The WPS 加载项 (`npm run build:wps`, `--env wps`): the same pane entry, which starts over WpsHost when it finds
 * WPS's ET object model, on a page without office.js, beside the add-in's own ribbon.xml, main.js and index.html.
 * scripts/wps-package.js then lays out the online and offline deployment forms around it.
 */
function wpsConfig({ dev, outDir }) {
  const csp = contentSecurityPolicy(null, dev);
  return {
    name: 'wps',
    mode: dev ? 'development' : 'production',
    devtool: dev ? 'source-map' : false,
    entry: { taskpane: './src/taskpane/index.tsx' },
    output: { path: outDir, filename: '[name].[contenthash:8].js', chunkFilename: '[name].[contenthash:8].js', clean: true },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    externals: { exceljs: 'ExcelJS' },
    module: {
      rules: [
        modernTsRule(dev),
      ],
    },
    performance: { hints: false },
    optimization: { splitChunks: { chunks: 'async' } },
    plugins: [
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/hosts/wps/addin/taskpane.html', chunks: ['taskpane'], templateParameters: { csp } }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'src/hosts/wps/addin/ribbon.xml', to: 'ribbon.xml' },
          { from: 'src/hosts/wps/addin/main.js', to: 'main.js', info: { minimized: true } },
          { from: 'src/hosts/wps/addin/index.html', to: 'index.html' },
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'src/taskpane/help.html', to: 'help.html' },
          { from: 'node_modules/exceljs/dist/exceljs.min.js', to: 'vendor/exceljs.min.js' },
        ],
      }),
    ],
  };
}

module.exports = (env = {}, argv = {}) => {
  if (env.wps) return wpsConfig({ dev: argv.mode !== 'production', outDir: path.resolve(__dirname, env.outDir || 'dist/wps/taskallocation') });
  const dev = argv.mode !== 'production';
  const officeJsUrl = officeJsUrlFrom(process.env);
  urlProdFrom(process.env); // a bad ADDIN_URL_PROD fails the build at once, not at the copy step
  // --env only=taskpane builds just the pane (the bundle-size check), --env only=lite just the lite pane (its
  // ES5 check), --env outDir=… writes elsewhere.
  const onlyPane = env.only === 'taskpane';
  const csp = contentSecurityPolicy(externalOrigin(officeJsUrl), dev);
  const https = dev ? devHttpsOptions() : null;
  const samples = path.resolve(__dirname, 'samples');

  const outDir = path.resolve(__dirname, env.outDir || 'dist');

  const modern = {
    name: 'modern',
    mode: dev ? 'development' : 'production',
    // The default development devtool wraps modules in eval(), which the CSP forbids.
    devtool: dev ? 'source-map' : false,
    entry: onlyPane
      ? { taskpane: './src/taskpane/index.tsx' }
      : { taskpane: './src/taskpane/index.tsx', preview: './src/preview/index.tsx', 'wps-imitation': './src/preview/wps-imitation.ts' },
    output: {
      path: outDir,
      filename: '[name].[contenthash:8].js',
      chunkFilename: '[name].[contenthash:8].js',
      // The lite compilation writes into the same folder (in watch mode too); `npm run build:wps` into wps/.
      clean: { keep: /^(taskpane-lite|wps[\\/])/ },
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js'],
    },
    // ExcelJS (the preview's simulator, the pane's 回收 files) is not bundled: its browser build is already minified
    // and self-contained, so pages load it as a file of its own (vendor/) — the pane only when a feature needs it.
    externals: { exceljs: 'ExcelJS' },
    module: {
      rules: [
        modernTsRule(dev),
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
            transform: (content) => (dev ? content : builtManifest(process.env)),
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
  if (env.only === 'lite') return liteConfig({ dev, officeJsUrl, csp, outDir, alone: true });
  return onlyPane ? modern : [modern, liteConfig({ dev, officeJsUrl, csp, outDir, alone: false })];
};

import * as esbuild from 'esbuild';
await esbuild.build({
  entryPoints: ['src/bpmn-editor.js'], bundle: true, minify: true, outdir: 'dist', format: 'iife',
  loader: { '.woff': 'dataurl', '.woff2': 'dataurl', '.ttf': 'dataurl', '.eot': 'dataurl', '.svg': 'dataurl', '.json': 'json' },
  legalComments: 'linked', target: 'es2020', logLevel: 'warning'
});

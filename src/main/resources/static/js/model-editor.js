// The browser editor on /models/editor: bpmn-js or dmn-js opens the deployed model held in the
// page, and "deploy" sends what the editor exports back through an ordinary form post, so that the
// server validates it and answers with a page (the CSRF token travels in the form).
(function () {
  'use strict';

  const canvas = document.getElementById('model-canvas');
  const form = document.getElementById('model-deploy-form');
  const content = document.getElementById('model-content');
  const deployButton = document.getElementById('model-deploy');
  const download = document.getElementById('model-download');
  const status = document.getElementById('model-editor-status');
  const views = document.getElementById('model-views');
  const kind = canvas.dataset.kind;

  function report(state, text) {
    status.dataset.state = state;
    status.textContent = text;
  }

  const Modeler = kind === 'dmn' ? window.DmnJS : window.BpmnJS;
  if (!Modeler) {
    report('failed', status.dataset.unsupported);
    return;
  }
  const modeler = kind === 'dmn'
    ? new Modeler({container: canvas, common: {keyboard: {bindTo: window}}})
    : new Modeler({container: canvas, keyboard: {bindTo: window}});
  // Reachable from the console and from browser tests.
  window.qinglangModeler = modeler;

  // dmn-js shows one view at a time (the requirements diagram or one table): offer all of them.
  function showViews() {
    const all = modeler.getViews();
    if (all.length < 2) {
      views.hidden = true;
      return;
    }
    const active = modeler.getActiveView();
    views.replaceChildren(...all.map(view => {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = view.name || view.element.name || view.element.id;
      button.dataset.view = view.element.id;
      button.className = active && active.element === view.element ? 'active' : '';
      button.addEventListener('click', () => modeler.open(view));
      return button;
    }));
    views.hidden = false;
  }

  async function exported() {
    const result = await modeler.saveXML({format: true});
    return result.xml;
  }

  modeler.importXML(content.value).then(() => {
    if (kind === 'dmn') {
      showViews();
      modeler.on('views.changed', showViews);
    } else {
      modeler.get('canvas').zoom('fit-viewport');
    }
    deployButton.disabled = false;
    report('ready', status.dataset.loaded);
  }).then(async () => {
    // The model as it opened, in the editor's own writing: the server changes the file only where
    // the edit differs from it. After a refusal the page brings the first one back.
    const baseline = document.getElementById('model-baseline');
    if (!baseline.value) {
      baseline.value = await exported();
    }
  }).catch(error => {
    report('failed', status.dataset.failed + ' ' + error.message);
  });

  form.addEventListener('submit', async event => {
    event.preventDefault();
    deployButton.disabled = true;
    try {
      content.value = await exported();
      form.submit();
    } catch (error) {
      deployButton.disabled = false;
      report('failed', status.dataset.failed + ' ' + error.message);
    }
  });

  download.addEventListener('click', async event => {
    event.preventDefault();
    const xml = await exported();
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([xml], {type: 'application/xml'}));
    link.download = download.getAttribute('download');
    link.click();
    URL.revokeObjectURL(link.href);
  });
})();

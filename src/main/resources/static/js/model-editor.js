// The browser editor on /models/editor. BPMN: bpmn-js with the Camunda 7 properties panel, our
// steps in a list, every change checked against the deployment rules on the server as the manager
// works (problems marked on the diagram, with bpmnlint's own), token simulation, and before deploying
// the changes against the deployed version with the running cases they meet. DMN: dmn-js.
// "Deploy" sends the export through an ordinary form post (the CSRF token travels in the form), with
// the export of the model as it opened, so that the file changes only where the model did.
(function () {
  'use strict';

  const canvas = document.getElementById('model-canvas');
  const form = document.getElementById('model-deploy-form');
  const content = document.getElementById('model-content');
  const baseline = document.getElementById('model-baseline');
  const deployButton = document.getElementById('model-deploy');
  const simulateButton = document.getElementById('model-simulate');
  const download = document.getElementById('model-download');
  const status = document.getElementById('model-editor-status');
  const views = document.getElementById('model-views');
  const liveCheck = document.getElementById('model-live-check');
  const liveStatus = document.getElementById('model-live-status');
  const liveProblems = document.getElementById('model-live-problems');
  const review = document.getElementById('model-review');
  const kind = canvas.dataset.kind;
  const resource = canvas.dataset.resource;
  const csrf = form.querySelector('input[name="_csrf"]');

  function report(state, text) {
    status.dataset.state = state;
    status.textContent = text;
  }

  function format(template, ...values) {
    return values.reduce((text, value, i) => text.replace('{' + i + '}', value), template);
  }

  async function postForm(url, fields) {
    const response = await fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {'Accept': 'application/json', 'X-CSRF-TOKEN': csrf ? csrf.value : ''},
      body: new URLSearchParams(fields)
    });
    if (!response.ok) {
      throw new Error(response.status + ' ' + url);
    }
    return response.json();
  }

  async function getJson(url) {
    const response = await fetch(url, {credentials: 'same-origin', headers: {'Accept': 'application/json'}});
    if (!response.ok) {
      throw new Error(response.status + ' ' + url);
    }
    return response.json();
  }

  let modeler;

  async function create() {
    if (kind === 'form') {
      if (!window.FormEditor) {
        return null;
      }
      // The form editor (form-js) as the others: import, export as the file is written, changes.
      const editor = new window.FormEditor.FormEditor({container: canvas});
      return {
        editor,
        importXML: text => editor.importSchema(JSON.parse(text)),
        saveXML: async () => ({xml: JSON.stringify(editor.saveSchema(), null, 2) + '\n'}),
        on: (event, callback) => editor.on(event === 'commandStack.changed' ? 'changed' : event, callback)
      };
    }
    if (kind === 'dmn') {
      if (!window.DmnJS) {
        return null;
      }
      return new window.DmnJS({container: canvas, common: {keyboard: {bindTo: window}}});
    }
    if (!window.QinglangBpmnEditor) {
      return null;
    }
    const steps = await getJson('/models/editor/steps').catch(() => []);
    return window.QinglangBpmnEditor.create(canvas, document.getElementById('model-properties'), steps,
        { englishNameMissing: canvas.dataset.englishNameMissing });
  }

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

  // A large diagram fitted into the window has labels nobody can read: open at full size where the
  // process starts, clear of the palette on the left.
  function showStart() {
    const bpmnCanvas = modeler.get('canvas');
    const start = modeler.get('elementRegistry').filter(element => element.type === 'bpmn:StartEvent')
        .sort((a, b) => a.x - b.x)[0];
    bpmnCanvas.zoom(1);
    if (start) {
      const box = bpmnCanvas.viewbox();
      bpmnCanvas.viewbox({x: start.x - 120, y: start.y - box.height / 3, width: box.width, height: box.height});
    }
  }

  async function exported() {
    const result = await modeler.saveXML({format: true});
    return result.xml;
  }

  function elementName(id) {
    const element = modeler.get('elementRegistry').get(id);
    const name = element && element.businessObject && element.businessObject.name;
    return name ? name + ' (' + id + ')' : id;
  }

  /** The element on the diagram that holds this id: itself, or the event whose timer or message it is. */
  function diagramElementOf(id) {
    const registry = modeler.get('elementRegistry');
    if (registry.get(id)) {
      return id;
    }
    const owner = registry.find(element => {
      const definitions = element.businessObject && element.businessObject.eventDefinitions;
      return definitions && definitions.some(definition => definition.id === id);
    });
    return owner ? owner.id : id;
  }

  // The deployment rules on every change: what the server would refuse, shown where it is.
  let checking = 0;
  let currentProblems = [];

  async function check() {
    const mine = ++checking;
    liveStatus.textContent = liveCheck.dataset.checking;
    liveCheck.dataset.state = 'checking';
    try {
      const findings = await postForm('/models/editor/check', {resource, content: await exported()});
      if (mine !== checking) {
        return;
      }
      if (kind === 'bpmn') {
        const byElement = {};
        findings.filter(f => f.elementId).forEach(f => {
          const shown = diagramElementOf(f.elementId);
          (byElement[shown] = byElement[shown] || []).push(f.message);
        });
        window.QinglangBpmnEditor.setDeploymentProblems(modeler, byElement);
      }
      currentProblems = findings;
      liveProblems.replaceChildren(...findings.map(f => {
        const item = document.createElement('li');
        item.textContent = f.message;
        if (f.elementId) {
          item.dataset.element = f.elementId;
        }
        return item;
      }));
      liveStatus.textContent = findings.length ? liveCheck.dataset.found : liveCheck.dataset.clean;
      liveCheck.dataset.state = findings.length ? 'found' : 'clean';
    } catch (error) {
      liveStatus.textContent = status.dataset.failed + ' ' + error.message;
      liveCheck.dataset.state = 'failed';
    }
  }

  let pending;
  function checkSoon() {
    clearTimeout(pending);
    pending = setTimeout(check, 400);
  }

  // Before deploying: the changes against what runs, the cases standing on them, a confirmation.
  async function showReview() {
    const xml = await exported();
    const deployedXml = await fetch('/models/resources/' + encodeURIComponent(resource), {credentials: 'same-origin'})
        .then(response => response.text());
    const difference = await window.QinglangBpmnEditor.difference(deployedXml, xml);
    const bpmnCanvas = modeler.get('canvas');
    const registry = modeler.get('elementRegistry');
    const changes = [];
    difference.added.forEach(id => changes.push({id, kind: 'added'}));
    difference.changed.forEach(id => changes.push({id, kind: 'changed'}));
    difference.removed.forEach(removed => changes.push({id: removed.id, kind: 'removed', name: removed.name}));
    registry.forEach(element => {
      bpmnCanvas.removeMarker(element, 'diff-added');
      bpmnCanvas.removeMarker(element, 'diff-changed');
    });
    const shown = changes.filter(c => c.kind !== 'removed' && registry.get(c.id));
    shown.forEach(c => bpmnCanvas.addMarker(c.id, 'diff-' + c.kind));
    if (shown.length) {
      bpmnCanvas.scrollToElement(registry.get(shown[0].id));
    }
    // Cases meet a boundary event where they wait: on the task it is attached to.
    changes.forEach(c => {
      const element = registry.get(c.id);
      c.where = element && element.host ? element.host.id : c.id;
    });
    const running = await getJson('/models/editor/running?resource=' + encodeURIComponent(resource)
        + changes.map(c => '&elements=' + encodeURIComponent(c.where)).join('')).catch(() => ({}));
    const list = document.getElementById('model-review-changes');
    list.replaceChildren(...changes.map(c => {
      const item = document.createElement('li');
      item.className = c.kind;
      item.dataset.element = c.id;
      const name = c.kind === 'removed' ? (c.name ? c.name + ' (' + c.id + ')' : c.id) : elementName(c.id);
      item.textContent = review.dataset[c.kind] + ': ' + name
          + (running[c.where] ? ' — ' + format(review.dataset.running, running[c.where]) : '');
      return item;
    }));
    const confirm = document.getElementById('model-confirm-deploy');
    const summary = document.getElementById('model-review-running');
    if (!changes.length) {
      summary.textContent = review.dataset.none;
      confirm.disabled = true;
    } else if (currentProblems.length) {
      summary.textContent = review.dataset.blocked;
      confirm.disabled = true;
    } else {
      summary.textContent = format(review.dataset.runningTotal, running[''] || 0);
      confirm.disabled = false;
    }
    review.hidden = false;
    review.scrollIntoView({block: 'nearest'});
    confirm.onclick = () => {
      content.value = xml;
      form.submit();
    };
    document.getElementById('model-review-cancel').onclick = () => {
      review.hidden = true;
      deployButton.disabled = false;
    };
  }

  // A dry run on a copy of a case's data: the path on the diagram and in words, where it waits.
  async function dryRun() {
    const section = document.getElementById('model-dry-run');
    const result = document.getElementById('model-dry-run-result');
    const caseNumber = document.getElementById('dry-run-case').value.trim();
    if (!caseNumber) {
      return;
    }
    result.dataset.state = 'running';
    result.textContent = '…';
    const response = await fetch('/models/editor/dry-run', {
      method: 'POST', credentials: 'same-origin',
      headers: {'Accept': 'application/json', 'X-CSRF-TOKEN': csrf ? csrf.value : ''},
      body: new URLSearchParams({resource, content: await exported(), caseNumber})
    });
    const body = await response.json().catch(() => ({}));
    const bpmnCanvas = modeler.get('canvas');
    const registry = modeler.get('elementRegistry');
    registry.forEach(element => {
      bpmnCanvas.removeMarker(element, 'dry-run-passed');
      bpmnCanvas.removeMarker(element, 'dry-run-waiting');
    });
    if (!response.ok) {
      result.dataset.state = 'refused';
      result.textContent = section.dataset.error + ' ' + (body.detail || response.status);
      return;
    }
    const block = (title, items) => {
      const part = document.createElement('div');
      const heading = document.createElement('h3');
      heading.textContent = title;
      const list = document.createElement('ol');
      items.forEach(text => {
        const item = document.createElement('li');
        item.textContent = text;
        list.appendChild(item);
      });
      part.append(heading, list);
      return part;
    };
    body.passed.filter(step => registry.get(step.elementId))
        .forEach(step => bpmnCanvas.addMarker(step.elementId, 'dry-run-passed'));
    const parts = [block(section.dataset.passed, body.passed.map(step =>
      step.name ? step.name + ' (' + step.elementId + ')' : step.elementId))];
    parts.push(block(section.dataset.steps, body.stepsCalled));
    if (body.waitsAt.length) {
      parts.push(block(section.dataset.waits, body.waitsAt));
    }
    const end = document.createElement('p');
    end.textContent = body.error ? section.dataset.error + ' ' + body.error : body.ended ? section.dataset.ended : '';
    parts.push(end);
    if (body.variablesLeftOut.length) {
      const leftOut = document.createElement('p');
      leftOut.className = 'meta';
      leftOut.textContent = section.dataset.leftOut + ' ' + body.variablesLeftOut.join(', ');
      parts.push(leftOut);
    }
    result.replaceChildren(...parts);
    result.dataset.state = body.error ? 'error' : 'done';
  }

  create().then(created => {
    modeler = created;
    if (!modeler) {
      report('failed', status.dataset.unsupported);
      return;
    }
    // Reachable from the console and from browser tests.
    window.qinglangModeler = modeler;
    return modeler.importXML(content.value).then(async () => {
      if (kind === 'dmn') {
        showViews();
        modeler.on('views.changed', showViews);
      } else if (kind === 'form') {
        modeler.on('commandStack.changed', checkSoon);
        check();
      } else {
        showStart();
        modeler.on('commandStack.changed', checkSoon);
        simulateButton.disabled = false;
        simulateButton.addEventListener('click', () => modeler.get('toggleMode').toggleMode());
        document.getElementById('dry-run-start').addEventListener('click', () => dryRun().catch(error => {
          document.getElementById('model-dry-run-result').textContent = status.dataset.failed + ' ' + error.message;
        }));
        check();
      }
      // The model as it opened, in the editor's own writing: the server changes the file only where
      // the edit differs from it. After a refusal the page brings the first one back.
      if (!baseline.value) {
        baseline.value = await exported();
      }
      deployButton.disabled = false;
      report('ready', status.dataset.loaded);
    });
  }).catch(error => {
    report('failed', status.dataset.failed + ' ' + error.message);
  });

  form.addEventListener('submit', async event => {
    event.preventDefault();
    deployButton.disabled = true;
    try {
      if (kind === 'bpmn') {
        await showReview();
        return;
      }
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

// The BPMN editor of /models/editor, bundled for the browser: bpmn-js with the Camunda 7 properties
// panel, token simulation, bpmnlint (its rules and ours, which the server checks), and a diff
// against the deployed version. Exposed as window.QinglangBpmnEditor for static/js/model-editor.js.
import BpmnModeler from 'bpmn-js/lib/Modeler';
import { BpmnModdle } from 'bpmn-moddle';
import {
  BpmnPropertiesPanelModule,
  BpmnPropertiesProviderModule,
  CamundaPlatformPropertiesProviderModule,
  useService
} from 'bpmn-js-properties-panel';
import CamundaBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-platform';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';
import TokenSimulationModule from 'bpmn-js-token-simulation';
import LintModule from 'bpmn-js-bpmnlint';
import { diff } from 'bpmn-js-differ';
import { SelectEntry, isSelectEntryEdited } from '@bpmn-io/properties-panel';
import { h } from '@bpmn-io/properties-panel/preact';
import { getBusinessObject, is } from 'bpmn-js/lib/util/ModelUtil';

import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import 'bpmn-js-token-simulation/assets/css/bpmn-js-token-simulation.css';
import 'bpmn-js-bpmnlint/dist/assets/css/bpmn-js-bpmnlint.css';

import noDisconnected from 'bpmnlint/rules/no-disconnected';
import startEventRequired from 'bpmnlint/rules/start-event-required';
import endEventRequired from 'bpmnlint/rules/end-event-required';
import noDuplicateSequenceFlows from 'bpmnlint/rules/no-duplicate-sequence-flows';
import conditionalFlows from 'bpmnlint/rules/conditional-flows';
import superfluousGateway from 'bpmnlint/rules/superfluous-gateway';
import noImplicitSplit from 'bpmnlint/rules/no-implicit-split';

/** Problems the server found with the rules deployment applies, by element id (set by the page). */
const deploymentProblems = new Map();

/** Our rules, as the server checks them on every change: shown where bpmnlint shows its own. */
function deploymentRules() {
  return {
    check(node, reporter) {
      (deploymentProblems.get(node.id) || []).forEach(message => reporter.report(node.id, message));
    }
  };
}

/** What the English-name rule says, in the page's language (set by the page). */
let texts = { englishNameMissing: 'No English name (extension property en.name)' };

/**
 * A step named in Chinese needs its English beside it, in the extension property en.name: a reader
 * of English sees the Chinese name in Tasklist without it. A warning; deployment does not require it.
 */
function englishNames() {
  return {
    check(node, reporter) {
      if (!(is(node, 'bpmn:FlowElement') || is(node, 'bpmn:Process')) || !/[\u3400-\u9fff]/.test(node.name || '')) {
        return;
      }
      const properties = ((node.extensionElements && node.extensionElements.values) || [])
        .filter(extension => is(extension, 'camunda:Properties'))
        .flatMap(extension => extension.values || []);
      if (!properties.some(property => property.name === 'en.name' && property.value)) {
        reporter.report(node.id, texts.englishNameMissing);
      }
    }
  };
}

const rules = {
  'bpmnlint/no-disconnected': noDisconnected,
  'bpmnlint/start-event-required': startEventRequired,
  'bpmnlint/end-event-required': endEventRequired,
  'bpmnlint/no-duplicate-sequence-flows': noDuplicateSequenceFlows,
  'bpmnlint/conditional-flows': conditionalFlows,
  'bpmnlint/superfluous-gateway': superfluousGateway,
  'bpmnlint/no-implicit-split': noImplicitSplit,
  'bpmnlint-plugin-qinglang/deployment-rules': deploymentRules,
  'bpmnlint-plugin-qinglang/english-name': englishNames
};

const lintConfig = {
  config: {
    rules: {
      'no-disconnected': 'error',
      'start-event-required': 'error',
      'end-event-required': 'error',
      'no-duplicate-sequence-flows': 'error',
      'conditional-flows': 'error',
      'superfluous-gateway': 'warn',
      'no-implicit-split': 'warn',
      'qinglang/deployment-rules': 'error',
      'qinglang/english-name': 'warn'
    }
  },
  resolver: {
    resolveRule(pkg, ruleName) {
      const rule = rules[pkg + '/' + ruleName];
      if (!rule) {
        throw new Error('unknown rule ' + pkg + '/' + ruleName);
      }
      return rule;
    },
    resolveConfig(pkg, configName) {
      throw new Error('no config ' + pkg + '/' + configName);
    }
  }
};

/** The steps of ours a service task may call, chosen from a list rather than typed (set by the page). */
let steps = [];

function StepEntry(props) {
  const { element, id } = props;
  const modeling = useService('modeling');
  const businessObject = getBusinessObject(element);
  const getValue = () => {
    const match = /^\$\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}$/.exec(businessObject.get('camunda:delegateExpression') || '');
    return match ? match[1] : '';
  };
  const setValue = value => modeling.updateProperties(element, {
    'camunda:delegateExpression': value ? '${' + value + '}' : undefined,
    'camunda:class': undefined,
    'camunda:expression': undefined
  });
  const getOptions = () => [{ value: '', label: '—' }].concat(steps.map(step => ({ value: step, label: step })));
  return h(SelectEntry, { element, id, label: '执行步骤 Step (bean of ours)', getValue, setValue, getOptions });
}

function StepsProvider(propertiesPanel) {
  propertiesPanel.registerProvider(400, this);
}
StepsProvider.$inject = ['propertiesPanel'];
StepsProvider.prototype.getGroups = function (element) {
  return groups => {
    if (is(element, 'bpmn:ServiceTask')) {
      groups.splice(1, 0, {
        id: 'qinglang-step',
        label: '清朗步骤 Qinglang step',
        entries: [{ id: 'qinglangStep', element, component: StepEntry, isEdited: isSelectEntryEdited }]
      });
    }
    return groups;
  };
};

const StepsModule = { __init__: ['qinglangSteps'], qinglangSteps: ['type', StepsProvider] };

window.QinglangBpmnEditor = {
  create(container, propertiesParent, stepNames, pageTexts) {
    steps = stepNames || [];
    texts = Object.assign({}, texts, pageTexts || {});
    return new BpmnModeler({
      container,
      propertiesPanel: { parent: propertiesParent },
      linting: { bpmnlint: lintConfig, active: true },
      additionalModules: [
        BpmnPropertiesPanelModule,
        BpmnPropertiesProviderModule,
        CamundaPlatformPropertiesProviderModule,
        CamundaBehaviorsModule,
        TokenSimulationModule,
        LintModule,
        StepsModule
      ],
      moddleExtensions: { camunda: camundaModdle }
    });
  },
  /** Replaces the server's findings and shows them on the diagram. */
  setDeploymentProblems(modeler, problemsById) {
    deploymentProblems.clear();
    Object.entries(problemsById).forEach(([id, messages]) => deploymentProblems.set(id, messages));
    modeler.get('linting').update();
  },
  /**
   * What changed against the deployed model, by element id: added, removed, changed. An element
   * counts as changed when the differ says so or when it is written differently, its timers,
   * conditions, listeners and other properties inside it included (which the differ does not follow).
   */
  async difference(deployedXml, editedXml) {
    const moddle = new BpmnModdle({ camunda: camundaModdle });
    const before = (await moddle.fromXML(deployedXml)).rootElement;
    const after = (await moddle.fromXML(editedXml)).rootElement;
    const differ = diff(before, after);
    const flowElementsOf = definitions => {
      const found = {};
      const visit = container => (container.flowElements || []).forEach(element => {
        found[element.id] = element;
        visit(element);
      });
      (definitions.rootElements || []).filter(root => is(root, 'bpmn:Process')).forEach(visit);
      return found;
    };
    const old = flowElementsOf(before);
    const now = flowElementsOf(after);
    const written = async element => {
      const copy = moddle.create(element.$type);
      Object.keys(element).filter(key => !key.startsWith('$') && key !== 'flowElements' && key !== 'incoming'
          && key !== 'outgoing' && key !== 'sourceRef' && key !== 'targetRef' && key !== 'attachedToRef'
          && key !== 'default' && key !== 'artifacts')
          .forEach(key => copy.set(key, element.get(key)));
      Object.entries(element.$attrs || {}).forEach(([key, value]) => (copy.$attrs[key] = value));
      return (await moddle.toXML(copy, { format: true })).xml;
    };
    const changed = new Set(Object.keys(differ._changed));
    for (const id of Object.keys(now)) {
      if (old[id] && !changed.has(id) && await written(old[id]) !== await written(now[id])) {
        changed.add(id);
      }
    }
    return {
      added: Object.keys(differ._added).filter(id => now[id]),
      removed: Object.keys(differ._removed).filter(id => old[id]).map(id => ({ id, name: old[id].name })),
      changed: [...changed].filter(id => now[id] && old[id])
    };
  }
};

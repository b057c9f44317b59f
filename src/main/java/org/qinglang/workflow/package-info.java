/**
 * The models: deployment from the folder, the models page and the engine API, validation and the
 * sandbox every expression runs in, migration of running cases, Tasklist filters, the models' texts
 * in the reader's language. Uses casework
 * (triage table check), the process contract and common.
 */
package org.qinglang.workflow;

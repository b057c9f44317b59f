/**
 * The models: deployment from the folder, the models page and the engine API, validation and the
 * sandbox every expression runs in, migration of running cases, Tasklist filters. Uses casework
 * (triage table check), the process contract and common.
 */
package org.qinglang.workflow;

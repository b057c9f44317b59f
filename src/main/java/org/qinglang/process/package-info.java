/**
 * The process contract between the BPMN models and Java: variable and message names, the user
 * acting on a task, a case not waiting for a message. Uses nothing of ours.
 */
package org.qinglang.process;

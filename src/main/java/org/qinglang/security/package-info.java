/**
 * Who may do what: logins and their throttle, engine authorizations, signed links and mail
 * references, staff offices, task form input and cross-site checks on the engine API, production
 * safety. Uses only common.
 */
package org.qinglang.security;

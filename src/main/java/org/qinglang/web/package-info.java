/**
 * Pages and APIs: the public complaint form, status and platform-response pages, the police's and
 * account holders' pages reached by signed links, the staff login, the case file and the search over
 * cases, staff downloads (decision documents, referral packages, evidence), the exposure board and
 * statistics, the complaint API and the engine API's error answers, and the webapps' answers in the
 * reader's language (with the glossary of texts kept in both languages). Uses the stages and the
 * case file; nothing uses it.
 */
package org.qinglang.web;

package org.qinglang.web;

import org.qinglang.security.AccessTokens;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * The one check of the pages reached by a signed link (platform response, police, objection): a token
 * for another purpose or case, an expired one or none answers 404, as an unknown case does.
 */
final class SignedLinks {

    private SignedLinks() {
    }

    static void require(AccessTokens tokens, AccessTokens.Purpose purpose, String caseNumber, String token) {
        if (!tokens.isValid(purpose, caseNumber, token)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}

package org.qinglang.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * A person who signed on at the office's identity provider is the engine user of the same id (the
 * provider's user-name attribute): the provider proves who they are, the engine's groups say what
 * they may do, exactly as for the login page. Someone the engine does not know gets no session.
 */
public class SingleSignOnUsers implements OAuth2UserService<OidcUserRequest, OidcUser> {

    static final String UNKNOWN_USER = "qinglang_unknown_user";

    private final OidcUserService provider = new OidcUserService();
    private final IdentityService identityService;

    public SingleSignOnUsers(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
        OidcUser signedOn = provider.loadUser(request);
        String userId = signedOn.getName();
        if (userId == null || identityService.createUserQuery().userId(userId).count() != 1) {
            throw new OAuth2AuthenticationException(new OAuth2Error(UNKNOWN_USER,
                    "no Qinglang account for this identity", null));
        }
        List<SimpleGrantedAuthority> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(group -> new SimpleGrantedAuthority("ROLE_" + group.getId())).toList();
        String nameAttribute = request.getClientRegistration().getProviderDetails().getUserInfoEndpoint()
                .getUserNameAttributeName();
        return new DefaultOidcUser(groups, signedOn.getIdToken(), signedOn.getUserInfo(),
                nameAttribute == null || nameAttribute.isBlank() ? "sub" : nameAttribute);
    }
}

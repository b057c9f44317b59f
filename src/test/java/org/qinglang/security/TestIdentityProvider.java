package org.qinglang.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * An office's OpenID Connect identity provider (Spring Authorization Server) for the tests, on a
 * port of its own at {@code localhost}; the application is reached at {@code 127.0.0.1}, as the
 * provider allows loopback redirects only there. The test application contexts are registered with
 * it the way production configures single sign-on (Spring Boot's client registration properties,
 * endpoints written out so nothing is fetched before a test starts the provider).
 */
public final class TestIdentityProvider {

    public static final int PORT = freePort();
    static final String ISSUER = "http://localhost:" + PORT;
    static final String CLIENT_ID = "qinglang";
    static final String CLIENT_SECRET = "test-client-secret-" + UUID.randomUUID();

    private TestIdentityProvider() {
    }

    /** The application's side: Spring Boot's client registration, as an office would configure it. */
    public static class Registration implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            String registration = "spring.security.oauth2.client.registration.office.";
            String provider = "spring.security.oauth2.client.provider.office.";
            TestPropertyValues.of(
                    registration + "client-id=" + CLIENT_ID,
                    registration + "client-secret=" + CLIENT_SECRET,
                    registration + "client-name=Office SSO",
                    registration + "scope=openid",
                    registration + "authorization-grant-type=authorization_code",
                    registration + "redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
                    provider + "authorization-uri=" + ISSUER + "/oauth2/authorize",
                    provider + "token-uri=" + ISSUER + "/oauth2/token",
                    provider + "jwk-set-uri=" + ISSUER + "/oauth2/jwks",
                    provider + "user-name-attribute=sub").applyTo(context);
        }
    }

    /**
     * Starts the provider with these users (name to password), accepting logins for the application
     * at {@code applicationBaseUrl}.
     */
    public static ConfigurableApplicationContext start(String applicationBaseUrl, Map<String, String> users) {
        SpringApplication provider = new SpringApplication(Provider.class);
        provider.setWebApplicationType(WebApplicationType.SERVLET);
        // Nothing of the application's own configuration, logging or listeners: a separate server.
        provider.setListeners(List.of());
        provider.setBannerMode(org.springframework.boot.Banner.Mode.OFF);
        provider.setRegisterShutdownHook(false);
        provider.addInitializers(context -> context.getBeanFactory().registerSingleton("accounts",
                new Accounts(applicationBaseUrl, users)));
        return provider.run();
    }

    record Accounts(String applicationBaseUrl, Map<String, String> users) {
    }

    /** A test configuration: the application's component scan leaves it to the provider. */
    @TestConfiguration(proxyBeanMethods = false)
    @EnableWebSecurity
    static class Provider {

        @Bean
        TomcatServletWebServerFactory providerServer() {
            TomcatServletWebServerFactory server = new TomcatServletWebServerFactory(PORT);
            // Its own session cookie: a browser keeps cookies per host, not per port.
            server.getSession().getCookie().setName("PROVIDER_SESSION");
            // Its pages are all filters (Spring Security's); Tomcat runs filters only in front of a servlet.
            server.setRegisterDefaultServlet(true);
            return server;
        }

        @Bean
        @Order(1)
        SecurityFilterChain protocolEndpoints(HttpSecurity http) throws Exception {
            OAuth2AuthorizationServerConfigurer server = OAuth2AuthorizationServerConfigurer.authorizationServer();
            http.securityMatcher(server.getEndpointsMatcher())
                    .with(server, configured -> configured.oidc(Customizer.withDefaults()))
                    .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                            new LoginUrlAuthenticationEntryPoint("/login"),
                            new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
            return http.build();
        }

        @Bean
        @Order(2)
        SecurityFilterChain loginPage(HttpSecurity http) throws Exception {
            http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    .formLogin(Customizer.withDefaults());
            return http.build();
        }

        @Bean
        UserDetailsService people(Accounts accounts) {
            return new InMemoryUserDetailsManager(accounts.users().entrySet().stream()
                    .map(user -> User.withUsername(user.getKey()).password("{noop}" + user.getValue())
                            .roles("STAFF").build())
                    .toList());
        }

        @Bean
        RegisteredClientRepository clients(Accounts accounts) {
            return new InMemoryRegisteredClientRepository(RegisteredClient.withId(UUID.randomUUID().toString())
                    .clientId(CLIENT_ID)
                    .clientSecret("{noop}" + CLIENT_SECRET)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUri(accounts.applicationBaseUrl() + "/login/oauth2/code/office")
                    .scope(OidcScopes.OPENID)
                    .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
                    .build());
        }

        @Bean
        JWKSource<SecurityContext> signingKeys() throws Exception {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            var keys = generator.generateKeyPair();
            RSAKey key = new RSAKey.Builder((RSAPublicKey) keys.getPublic())
                    .privateKey((RSAPrivateKey) keys.getPrivate()).keyID(UUID.randomUUID().toString()).build();
            return new ImmutableJWKSet<>(new JWKSet(key));
        }

        /** The provider's user-info endpoint reads its own access tokens. */
        @Bean
        org.springframework.security.oauth2.jwt.JwtDecoder accessTokens(JWKSource<SecurityContext> signingKeys) {
            return org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration
                    .OAuth2AuthorizationServerConfiguration.jwtDecoder(signingKeys);
        }

        @Bean
        AuthorizationServerSettings settings() {
            return AuthorizationServerSettings.builder().issuer(ISSUER).build();
        }
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

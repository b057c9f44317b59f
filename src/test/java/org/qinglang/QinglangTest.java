package org.qinglang;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on an in-memory H2, with jobs driven by the test rather than the job executor,
 * registered for single sign-on with the tests' identity provider (started only by the tests that use it).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// One application context for the tests that call pages through MockMvc and those that do not.
@org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc
@ActiveProfiles("test")
@ContextConfiguration(initializers = {TestMail.Ports.class, org.qinglang.security.TestIdentityProvider.Registration.class})
public @interface QinglangTest {
}

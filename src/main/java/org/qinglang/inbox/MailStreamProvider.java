package org.qinglang.inbox;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Names Jakarta Mail's stream provider before any mail is built or parsed. Without the name, the
 * mail API looks the provider up through the service loader on every encoded header and body part
 * (jakartaee/mail-api#699), which reads every jar on the class path each time: a third of the
 * cost of sending an acknowledgement. Registered in META-INF/spring.factories.
 */
public class MailStreamProvider implements EnvironmentPostProcessor {

    static final String PROPERTY = "jakarta.mail.util.StreamProvider";
    static final String ANGUS = "org.eclipse.angus.mail.util.MailStreamProvider";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, ANGUS);
        }
    }
}

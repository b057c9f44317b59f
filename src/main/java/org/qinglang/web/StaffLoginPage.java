package org.qinglang.web;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The one login page of staff: its session opens Tasklist, Cockpit, Admin, /models and every staff
 * page. Where the office signs staff on at its identity provider, the page offers that too.
 */
@Controller
class StaffLoginPage {

    /** An identity provider to sign on at: where the button goes and what it says. */
    record SingleSignOn(String link, String name) {
    }

    private final List<SingleSignOn> singleSignOn;

    StaffLoginPage(ObjectProvider<ClientRegistrationRepository> registrations) {
        List<SingleSignOn> providers = new ArrayList<>();
        if (registrations.getIfAvailable() instanceof Iterable<?> all) {
            for (Object each : all) {
                ClientRegistration registration = (ClientRegistration) each;
                providers.add(new SingleSignOn("/oauth2/authorization/" + registration.getRegistrationId(),
                        registration.getClientName()));
            }
        }
        this.singleSignOn = List.copyOf(providers);
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("singleSignOn", singleSignOn);
        return "login";
    }
}

package org.qinglang.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The one login page of staff: its session opens Tasklist, Cockpit, Admin, /models and every staff page. */
@Controller
class StaffLoginPage {

    @GetMapping("/login")
    String login() {
        return "login";
    }
}

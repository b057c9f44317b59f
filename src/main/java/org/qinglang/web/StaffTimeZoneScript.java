package org.qinglang.web;

import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The office's time zone for Tasklist, Cockpit and Admin ({@code qinglang.time-zone}), as the module
 * their staff-times script imports: the webapps then show every time on the office's clock.
 */
@RestController
class StaffTimeZoneScript {

    private final String module;

    StaffTimeZoneScript(@Value("${qinglang.time-zone:Asia/Shanghai}") String zone) {
        // A zone id is letters, digits, '/', '_', '+', '-': checked here, so it is safe inside the script.
        String id = ZoneId.of(zone).getId();
        this.module = "export default '" + id.replaceAll("[^A-Za-z0-9/_+-]", "") + "';\n";
    }

    @GetMapping(value = "/camunda/app/qinglang/staff-zone.js", produces = "text/javascript")
    ResponseEntity<String> zone() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/javascript;charset=UTF-8"))
                .cacheControl(CacheControl.noCache()).body(module);
    }
}

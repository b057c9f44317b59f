package org.qinglang.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The pages give their times on the clock of the office's configured zone, not the server's. */
class OfficeTimeZoneTest {

    private static final Instant AT = Instant.parse("2026-12-03T17:30:00Z");

    @Test
    void pagesUseTheConfiguredZone() {
        LanguageSwitch shanghai = new LanguageSwitch(null, "Asia/Shanghai");
        assertThat(shanghai.officeTime().format(AT)).isEqualTo("2026-12-04 01:30");
        assertThat(shanghai.officeDate().format(AT)).isEqualTo("2026-12-04");

        LanguageSwitch urumqi = new LanguageSwitch(null, "Asia/Urumqi");
        assertThat(urumqi.officeZone().getId()).isEqualTo("Asia/Urumqi");
        assertThat(urumqi.officeTime().format(AT)).isEqualTo("2026-12-03 23:30");
        assertThat(urumqi.officeDate().format(AT)).isEqualTo("2026-12-03");
    }
}

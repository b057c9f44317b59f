package org.qinglang.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UrlNormalizerTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "https://shortvideo.example/v/42",
        "http://shortvideo.example/v/42",
        "HTTPS://ShortVideo.Example/v/42/",
        "https://www.shortvideo.example/v/42",
        "https://shortvideo.example:443/v/42",
        "https://shortvideo.example/v/42#comments",
        "https://shortvideo.example/v/42?utm_source=wechat&utm_medium=share",
        "https://shortvideo.example/v/42?spm=a1.b2&share_token=xyz",
        "  https://shortvideo.example/v/42  "})
    void spellingsOfOnePageAreOne(String url) {
        assertThat(UrlNormalizer.normalize(url)).isEqualTo("https://shortvideo.example/v/42");
    }

    @Test
    void contentParametersStayAndAreOrdered() {
        assertThat(UrlNormalizer.normalize("https://forum.example/t?page=2&id=7&utm_campaign=x"))
                .isEqualTo("https://forum.example/t?id=7&page=2");
        assertThat(UrlNormalizer.normalize("https://forum.example/t?id=7"))
                .isNotEqualTo(UrlNormalizer.normalize("https://forum.example/t?id=8"));
    }

    @Test
    void pathCaseMatters() {
        assertThat(UrlNormalizer.normalize("https://a.example/User")).isNotEqualTo(
                UrlNormalizer.normalize("https://a.example/user"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "ftp://a.example/x", "file:///etc/passwd", "not a url",
        "https:///nohost", "", "data:text/html,hi"})
    void onlyWebAddressesAreAccepted(String url) {
        assertThatThrownBy(() -> UrlNormalizer.normalize(url)).isInstanceOf(IllegalArgumentException.class);
    }
}

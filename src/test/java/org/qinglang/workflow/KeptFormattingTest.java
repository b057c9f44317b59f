package org.qinglang.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An edited model changes its file only where the model changed: other lines and line endings stay. */
class KeptFormattingTest {

    private static String text(KeptFormatting.Result result) {
        return new String(result.content(), StandardCharsets.UTF_8);
    }

    @Test
    void aRenamedLabelChangesOneLineOfTheFileAndItsLineEndingsStay() throws Exception {
        String file = Files.readString(Path.of("bpmn/complaint-handling.bpmn"));
        String windowsFile = file.replace("\n", "\r\n");
        String baseline = file;
        String edited = baseline.replace("name=\"核实举报", "name=\"核实该举报");
        assertThat(edited).isNotEqualTo(baseline);

        KeptFormatting.Result saved = KeptFormatting.apply(windowsFile.getBytes(StandardCharsets.UTF_8), baseline,
                edited.replace("\n", "\r\n"));

        assertThat(saved.kept()).isTrue();
        List<String> before = Arrays.asList(windowsFile.split("\r\n", -1));
        List<String> after = Arrays.asList(text(saved).split("\r\n", -1));
        assertThat(after).hasSameSizeAs(before);
        long changed = java.util.stream.IntStream.range(0, before.size())
                .filter(i -> !before.get(i).equals(after.get(i))).count();
        assertThat(changed).isEqualTo(1);
        assertThat(text(saved)).contains("核实该举报").doesNotContain("\r\r").endsWith("\r\n");
        assertThat(text(saved).replace("\r\n", "")).doesNotContain("\n");
    }

    @Test
    void linesTheFileWritesDifferentlyElsewhereStayAsTheyAre() {
        String file = "<a>\n  <b id=\"1\"/>\n  <c id=\"2\" x=\"old\" />\n  <d id=\"3\"/>\n</a>\n";
        String baseline = "<a>\n  <b id=\"1\" />\n  <c id=\"2\" x=\"old\" />\n  <d id=\"3\" />\n</a>\n";
        String edited = "<a>\n  <b id=\"1\" />\n  <c id=\"2\" x=\"new\" />\n  <e id=\"4\" />\n  <d id=\"3\" />\n</a>\n";

        KeptFormatting.Result saved = KeptFormatting.apply(file.getBytes(StandardCharsets.UTF_8), baseline, edited);

        assertThat(saved.kept()).isTrue();
        assertThat(text(saved)).isEqualTo("<a>\n  <b id=\"1\"/>\n  <c id=\"2\" x=\"new\" />\n  <e id=\"4\" />\n  <d id=\"3\"/>\n</a>\n");
    }

    @Test
    void aChangeOnALineTheFileWritesDifferentlySavesTheEditorsExportWhole() {
        String file = "<a>\r\n  <b id=\"1\" x=\"old\"/>\r\n</a>\r\n";
        String baseline = "<a>\n  <b id=\"1\" x=\"old\" />\n</a>\n";
        String edited = "<a>\n  <b id=\"1\" x=\"new\" />\n</a>\n";

        KeptFormatting.Result saved = KeptFormatting.apply(file.getBytes(StandardCharsets.UTF_8), baseline, edited);

        assertThat(saved.kept()).isFalse();
        assertThat(text(saved)).isEqualTo("<a>\r\n  <b id=\"1\" x=\"new\" />\r\n</a>\r\n");
    }

    @Test
    void noChangeKeepsTheFileByteForByte() {
        byte[] file = "<a>\r\n<b/>\r\n</a>".getBytes(StandardCharsets.UTF_8);
        KeptFormatting.Result saved = KeptFormatting.apply(file, "<a>\n<b />\n</a>\n", "<a>\n<b />\n</a>\n");
        assertThat(saved.content()).isEqualTo(file);
    }
}

package org.qinglang.workflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A copy of the installation's bpmn/ and forms/ under target/, for tests that deploy changed
 * models: a deployment from /models saves the file into the installation's folder, which must not
 * be the project's own.
 */
final class ModelFolders {

    private ModelFolders() {
    }

    static Path copyOfInstallation() {
        Path folder = Path.of("target", "model-folders", UUID.randomUUID().toString()).toAbsolutePath();
        try {
            for (String name : new String[] {"bpmn", "forms"}) {
                Files.createDirectories(folder.resolve(name));
                try (Stream<Path> files = Files.list(Path.of(name))) {
                    for (Path file : files.toList()) {
                        Files.copy(file, folder.resolve(name).resolve(file.getFileName()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return folder;
    }

    static String text(byte[] content) {
        return new String(content, StandardCharsets.UTF_8);
    }

    /** triage.dmn with another rectification deadline for HIGH severity (P3D as shipped). */
    static String withHighSeverityDeadline(String triage, String deadline) {
        Pattern highDeadline = Pattern.compile(
                "(<outputEntry id=\"Out_triage-deadline_1_0\">\\s*<text>&quot;)(P3D)(&quot;</text>)");
        Matcher matcher = highDeadline.matcher(triage);
        if (!matcher.find()) {
            throw new IllegalStateException("the HIGH deadline is not P3D in triage.dmn");
        }
        return matcher.replaceFirst("$1" + deadline + "$3");
    }
}

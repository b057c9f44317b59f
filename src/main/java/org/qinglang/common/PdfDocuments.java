package org.qinglang.common;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.stereotype.Component;

/**
 * Formal documents as PDF from XHTML (openhtmltopdf on PDFBox). The CJK font travels with the
 * application (fonts/NOTICE.md) and is embedded as a subset, so a document reads the same wherever
 * it is opened, and its text can be searched and copied.
 */
@Component
public class PdfDocuments {

    /** The font family documents name in their style sheet. */
    public static final String FONT_FAMILY = "Qinglang Sans";
    private static final String FONT = "/fonts/DroidSansFallbackFull.ttf";

    public byte[] render(String xhtml) {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> PdfDocuments.class.getResourceAsStream(FONT), FONT_FAMILY);
            builder.withHtmlContent(xhtml, null);
            builder.toStream(pdf);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("could not render the document", e);
        }
        return pdf.toByteArray();
    }
}

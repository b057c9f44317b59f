package org.qinglang.inbox;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Text that mail carries as raw 8-bit bytes without naming their charset: header values that legacy
 * clients fill with GBK or Big5 bytes instead of RFC 2047 encoded words, and bodies without a charset
 * parameter. Jakarta Mail reads header bytes one character per byte (ISO-8859-1), so the bytes are
 * recovered exactly and decoded here: UTF-8 first, then the charset the message declares for its
 * text, then what ICU's detector finds in all such bytes of the message together (a header alone is
 * too short to tell GBK from Big5), and GB18030 where nothing is sure: most such mail here is GBK.
 */
final class UnlabelledCharset {

    static final Charset GB18030 = Charset.forName("GB18030");
    /** Below this the detector is guessing (it gives short CJK samples 10 for every multi-byte charset). */
    private static final int SURE_ENOUGH = 50;
    private static final List<Charset> FALLBACKS = List.of(GB18030, Charset.forName("Big5"),
            Charset.forName("windows-1252"));

    private UnlabelledCharset() {
    }

    /** Whether a header value as Jakarta Mail read it holds raw 8-bit bytes (and nothing already decoded). */
    static boolean hasRawBytes(String headerValue) {
        if (headerValue == null) {
            return false;
        }
        boolean eightBit = false;
        for (int i = 0; i < headerValue.length(); i++) {
            char c = headerValue.charAt(i);
            if (c > 0xFF) {
                return false;
            }
            eightBit |= c >= 0x80;
        }
        return eightBit;
    }

    static byte[] bytesOf(String headerValue) {
        return headerValue.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The header value's raw bytes decoded in the charset chosen for the message; other values unchanged. */
    static String decode(String headerValue, Charset charset) {
        return hasRawBytes(headerValue) ? new String(bytesOf(headerValue), charset) : headerValue;
    }

    /** The charset of bytes that came without one: UTF-8, the declared one, the detector's, GB18030. */
    static Charset choose(byte[] sample, Charset declared) {
        if (decodes(sample, StandardCharsets.UTF_8)) {
            return StandardCharsets.UTF_8;
        }
        if (declared != null && decodes(sample, declared)) {
            return declared;
        }
        CharsetDetector detector = new CharsetDetector();
        detector.setText(sample);
        for (CharsetMatch match : detector.detectAll()) {
            if (match.getConfidence() < SURE_ENOUGH) {
                break;
            }
            Charset found = javaCharset(match.getName());
            if (found != null && decodes(sample, found)) {
                return found;
            }
        }
        for (Charset fallback : FALLBACKS) {
            if (decodes(sample, fallback)) {
                return fallback;
            }
        }
        return FALLBACKS.get(FALLBACKS.size() - 1);
    }

    /** The detector's name read as a mail label is (GB2312 and GBK as GB18030), or null when Java lacks it. */
    private static Charset javaCharset(String name) {
        try {
            return MailParser.charset(name);
        } catch (UnreadableMailException unknown) {
            return null;
        }
    }

    private static boolean decodes(byte[] bytes, Charset charset) {
        try {
            charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}

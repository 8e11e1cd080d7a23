package dev.newswire.ingest.intake;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

/**
 * Decodes request bytes strictly. The JDK's usual decoding replaces bad bytes with U+FFFD, which
 * would publish mojibake and give it a stable id; here a bad byte refuses the article and the answer
 * says at which byte offset, so the sender can find it.
 */
public final class StrictText {

    private StrictText() {
    }

    public static String utf8(byte[] bytes) throws RejectedArticleException {
        return decode(bytes, StandardCharsets.UTF_8);
    }

    /** Decodes with the named charset (UTF-8 when null or blank). */
    public static String decode(byte[] bytes, String charsetName) throws RejectedArticleException {
        if (charsetName == null || charsetName.isBlank()) {
            return utf8(bytes);
        }
        Charset charset;
        try {
            charset = Charset.forName(charsetName.trim());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new RejectedArticleException(Rejection.UNSUPPORTED_MEDIA_TYPE,
                    "Unsupported charset '" + charsetName + "'; send UTF-8.");
        }
        return decode(bytes, charset);
    }

    static String decode(byte[] bytes, Charset charset) throws RejectedArticleException {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate((int) Math.ceil(bytes.length * (double) decoder.maxCharsPerByte()) + 1);
        try {
            CoderResult result = decoder.decode(in, out, true);
            if (!result.isError()) {
                result = decoder.flush(out);
            }
            if (result.isError()) {
                throw new RejectedArticleException(Rejection.INVALID_ENCODING,
                        "The body is not valid " + charset.name() + ": bad byte sequence at byte offset "
                                + in.position() + ". Send the text encoded as " + charset.name() + ".",
                        java.util.Map.of("offset", in.position()));
            }
            if (result.isOverflow()) {
                throw new CharacterCodingException();
            }
        } catch (CharacterCodingException e) {
            throw new RejectedArticleException(Rejection.INVALID_ENCODING, "The body could not be decoded as " + charset.name() + ".");
        }
        out.flip();
        String text = out.toString();
        // A byte order mark is an encoding artefact, not part of the article (nor of its id).
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}

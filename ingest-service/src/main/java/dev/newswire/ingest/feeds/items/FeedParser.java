package dev.newswire.ingest.feeds.items;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import dev.newswire.ingest.feeds.fetch.FetchException;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * RSS 0.9x, 1.0 (RDF), 2.0 and Atom 0.3/1.0 through Rome. The charset comes from the HTTP
 * Content-Type, the XML prolog or a BOM (Rome's XmlReader, lenient). DOCTYPEs are refused outright
 * ({@code allowDoctypes=false}: Rome's SAX builder then sets disallow-doctype-decl), which stops
 * entity expansion (billion laughs) and external entities (XXE) before they start;
 * FeedParserTest feeds it both.
 */
public final class FeedParser {

    private FeedParser() {
    }

    public static SyndFeed parse(byte[] body, String contentType) throws FetchException {
        SyndFeedInput input = new SyndFeedInput();
        input.setAllowDoctypes(false);
        input.setXmlHealerOn(true);
        try (XmlReader reader = new XmlReader(new ByteArrayInputStream(body), contentType, true)) {
            return input.build(reader);
        } catch (FeedException | IOException | IllegalArgumentException e) {
            throw new FetchException(FetchException.Kind.NOT_A_FEED, "not a readable RSS/Atom feed: " + firstLine(e.getMessage()));
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        String line = message.lines().findFirst().orElse("");
        return line.length() <= 200 ? line : line.substring(0, 197) + "...";
    }
}

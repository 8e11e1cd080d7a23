package dev.newswire.ingest.feeds;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * OPML 1.0/2.0 subscription lists, the format feed readers (Miniflux, FreshRSS, NetNewsWire)
 * import and export: every {@code <outline xmlUrl="...">}, at any depth (folders), is a feed. The
 * JDK's DOM parser, with DOCTYPEs disallowed as for feeds.
 */
public final class Opml {

    /** Most outlines one import registers. */
    public static final int MAX_FEEDS = 1000;

    private Opml() {
    }

    /** The feed URLs of an OPML document, in document order. */
    public static List<String> feedUrls(byte[] xml) {
        Document document;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            document = builder.parse(new ByteArrayInputStream(xml));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser supports these features", e);
        } catch (SAXException | IOException e) {
            throw new FeedRequestException(400, null, "Not a readable OPML document: " + e.getMessage());
        }
        if (!"opml".equals(document.getDocumentElement().getTagName())) {
            throw new FeedRequestException(422, null, "Not an OPML document: the root element is <"
                    + document.getDocumentElement().getTagName() + ">, not <opml>.");
        }
        NodeList outlines = document.getElementsByTagName("outline");
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < outlines.getLength(); i++) {
            String url = ((Element) outlines.item(i)).getAttribute("xmlUrl");
            if (!url.isBlank()) {
                urls.add(url.strip());
            }
        }
        if (urls.size() > MAX_FEEDS) {
            throw new FeedRequestException(413, null, "An OPML import holds at most " + MAX_FEEDS + " feeds; this one has "
                    + urls.size() + ".");
        }
        return urls;
    }

    /** An OPML 2.0 document listing {@code feeds}. */
    public static String export(List<FeedDescription> feeds) {
        try {
            Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
            Element opml = document.createElement("opml");
            opml.setAttribute("version", "2.0");
            document.appendChild(opml);
            Element head = document.createElement("head");
            Element title = document.createElement("title");
            title.setTextContent("Newswire feeds");
            Element created = document.createElement("dateCreated");
            created.setTextContent(java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                    Instant.now().atZone(java.time.ZoneOffset.UTC)));
            head.appendChild(title);
            head.appendChild(created);
            opml.appendChild(head);
            Element body = document.createElement("body");
            opml.appendChild(body);
            for (FeedDescription feed : feeds) {
                Element outline = document.createElement("outline");
                String name = feed.source() != null ? feed.source()
                        : feed.status() != null && feed.status().feedTitle() != null ? feed.status().feedTitle() : feed.url();
                outline.setAttribute("type", "rss");
                outline.setAttribute("text", name);
                outline.setAttribute("title", name);
                outline.setAttribute("xmlUrl", feed.url());
                if (feed.language() != null) {
                    outline.setAttribute("language", feed.language());
                }
                body.appendChild(outline);
            }
            Transformer transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toString();
        } catch (ParserConfigurationException | TransformerException e) {
            throw new IllegalStateException("the JDK can always write this document", e);
        }
    }
}

package io.github.ignitionassets;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Reading the plugin descriptor and POMs with the JDK's DOM: a direct child by name, and its text. */
final class XmlChildren {

    private XmlChildren() {
    }

    /** The first direct child named {@code tag}, or {@code null}. */
    static Element child(Element parent, String tag) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                return e;
            }
        }
        return null;
    }

    /** The stripped text of the first direct child named {@code tag}; empty when there is none. */
    static String text(Element parent, String tag) {
        Element e = child(parent, tag);
        return e == null ? "" : e.getTextContent().strip();
    }
}

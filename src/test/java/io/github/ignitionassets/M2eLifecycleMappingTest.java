package io.github.ignitionassets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The plugin tells Eclipse m2e to run generate on incremental builds, from where m2e looks: the jar's META-INF/m2e. */
class M2eLifecycleMappingTest {

    @Test
    void generateRunsOnIncrementalBuilds() throws Exception {
        Document doc;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/m2e/lifecycle-mapping-metadata.xml")) {
            assertEquals(true, in != null, "META-INF/m2e/lifecycle-mapping-metadata.xml is not on the class path");
            doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
        NodeList executions = doc.getElementsByTagName("pluginExecution");
        List<String> found = new ArrayList<>();
        for (int i = 0; i < executions.getLength(); i++) {
            Element e = (Element) executions.item(i);
            String goals = e.getElementsByTagName("goals").item(0).getTextContent().strip();
            String incremental = e.getElementsByTagName("runOnIncremental").item(0).getTextContent().strip();
            found.add(goals + " runOnIncremental=" + incremental);
        }
        assertEquals(List.of("generate runOnIncremental=true"), found);
    }
}

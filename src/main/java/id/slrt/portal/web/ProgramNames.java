package id.slrt.portal.web;

import id.slrt.program.Program;
import id.slrt.program.ProgramCatalogue;
import id.slrt.program.ProgramFilter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Published programs by code, in name order: the choice on the question form and the labels of questions. */
@Component
class ProgramNames {
    private final ProgramCatalogue catalogue;

    ProgramNames(ProgramCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    Map<String, String> published() {
        Map<String, String> names = new LinkedHashMap<>();
        catalogue.list(ProgramFilter.published(null, Set.of(), null), 0, 200).items()
                .forEach((Program p) -> names.put(p.code(), p.name()));
        return names;
    }
}

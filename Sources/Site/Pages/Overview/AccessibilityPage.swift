import SixSteps

/// The accessibility statement: Dutch government sites, internal ones included, must have one.
enum AccessibilityPage: PageFamily {
    static func pages(_ context: PageContext, _ emit: (Page) throws -> Void) throws {
        let name = context.data.municipality.isEmpty ? context.t("de gemeente", "the municipality") : context.data.municipality
        try emit(Page(file: Section.about.file, title: context.t("Toegankelijkheidsverklaring", "Accessibility statement"),
                      section: .about,
                      lead: context.t("\(name) wil dat iedereen deze site kan gebruiken.",
                                      "\(name) wants everyone to be able to use this site.")) {
            context.section(context.t("Wat wij doen", "What we do"), id: "wat") {
                el("p") {
                    context.t("Deze site is gemaakt om te voldoen aan de Web Content Accessibility Guidelines (WCAG) 2.1, niveau A en AA, zoals de wet voor overheidsorganisaties vraagt.",
                              "This site is made to meet the Web Content Accessibility Guidelines (WCAG) 2.1, levels A and AA, as the law asks of public bodies.")
                }
                el("ul") {
                    el("li") { context.t("Elke pagina heeft een vaste indeling met een kop, een menu en de inhoud. Met de link ‘Naar de inhoud’ slaat u het menu over.",
                                         "Every page has the same layout with a header, a menu and the content. The link ‘Skip to content’ skips the menu.") }
                    el("li") { context.t("U kunt alles met het toetsenbord bedienen. De plek waar u bent, is goed zichtbaar.",
                                         "Everything works with the keyboard. Where you are is clearly visible.") }
                    el("li") { context.t("Bij elke grafiek staan dezelfde cijfers in een tabel, en een korte uitleg voor schermlezers.",
                                         "Every chart has the same numbers in a table, and a short description for screen readers.") }
                    el("li") { context.t("Kleuren hebben genoeg contrast. Betekenis staat ook altijd in woorden, niet alleen in kleur.",
                                         "Colours have enough contrast. Meaning is always given in words too, not only in colour.") }
                    el("li") { context.t("De site werkt zonder JavaScript, zonder verbinding met internet en zonder cookies.",
                                         "The site works without JavaScript, without an internet connection and without cookies.") }
                    el("li") { context.t("Uitkomsten van enquêtes tonen wij alleen voor groepen van minstens \(context.data.threshold) inwoners.",
                                         "Survey results are only shown for groups of at least \(context.data.threshold) residents.") }
                }
            }
            context.section(context.t("Werkt iets niet?", "Does something not work?"), id: "melden") {
                el("p") {
                    context.t("Kunt u iets niet lezen of gebruiken? Laat het het team Dienstverlening van \(name) weten. Wij zoeken dan samen met u naar een oplossing en passen de site aan.",
                              "Is there something you cannot read or use? Tell the service team of \(name). We will look for a solution with you and change the site.")
                }
            }
            context.section(context.t("Over deze verklaring", "About this statement"), id: "over") {
                el("p") {
                    context.t("Deze verklaring hoort bij de site zoals die is gemaakt op \(context.date(context.data.today.description)).",
                              "This statement belongs to the site as built on \(context.date(context.data.today.description)).")
                }
            }
        })
    }
}

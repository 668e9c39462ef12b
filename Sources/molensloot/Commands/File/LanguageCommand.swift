import SixSteps

/// The roadmap's own language: what the command line speaks and the site is built in when
/// neither --lang nor $MOLENSLOOT_LANG says otherwise.
enum LanguageCommand {
    static let command = Command(
        name: "language", abstract: t("Toon of kies de taal van deze roadmap: Nederlands (nl) of Engels (en).",
                                      "Show or choose the language of this roadmap: Dutch (nl) or English (en)."),
        arguments: [.init(name: "nl|en", help: t("de nieuwe taal; zonder argument toont molensloot de huidige",
                                                 "the new language; without it, molensloot shows the current one"), isOptional: true)],
        examples: ["molensloot language en", "molensloot language"]
    ) { invocation in
        let roadmap = try invocation.openRoadmap()
        guard let typed = invocation.argument(0) else {
            let current = try roadmap.read { try roadmap.setting(.language) }.flatMap(Language.init(rawValue:))
            Output.print(t("de taal van deze roadmap: ", "the language of this roadmap: ")
                         + (current.map(name) ?? t("niet gekozen, dus Nederlands", "not chosen, so Dutch")))
            return
        }
        guard let chosen = LanguageChoice.parse(typed) else {
            throw UsageError(description: t("'\(typed)' is geen taal die molensloot kent: kies nl of en", "'\(typed)' is not a language molensloot knows: choose nl or en"))
        }
        try roadmap.setLanguage(chosen)
        // Said in the language just chosen: that is what the next command will speak.
        Output.print(chosen.t("de taal van deze roadmap is nu Nederlands", "the language of this roadmap is now English"))
    }

    static func name(_ chosen: Language) -> String {
        chosen == .nl ? t("Nederlands", "Dutch") : t("Engels", "English")
    }
}

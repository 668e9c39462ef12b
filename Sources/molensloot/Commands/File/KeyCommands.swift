import SixSteps

/// The key file of the case-key pseudonyms: made, shown and moved out of older roadmap files.
enum KeyCommands {
    static let command = Command(
        name: "key",
        abstract: t("Het sleutelbestand waarmee zaak- en persoonsnummers versleuteld worden; apart van de roadmap bewaard, nooit geëxporteerd.", "The key file that case and person keys are hashed with; kept apart from the roadmap, never exported."),
        subcommands: [create, show, move])

    static let create = Command(
        name: "create",
        abstract: t("Maak een nieuw willekeurig sleutelbestand (rechten 0600); een bestaand sleutelbestand wordt nooit vervangen.", "Make a new random key file (mode 0600); an existing key file is never replaced."),
        examples: ["molensloot key create", "molensloot key create --key-file /veilig/molensloot.key"]
    ) { invocation in
        let key = try PseudonymKey.create(path: invocation.keyFilePath)
        Output.print(t("sleutelbestand \(key.path) gemaakt (sleutel-id \(key.id)); bewaar het veilig en maak een kopie: "
                       + "zonder dat bestand zijn nieuwe contacten niet aan eerdere te koppelen",
                     "made the key file \(key.path) (key id \(key.id)); keep it safe and make a copy: "
                       + "without it new contacts cannot be linked to earlier ones"))
    }

    static let show = Command(
        name: "show",
        abstract: t("Welk sleutelbestand gebruikt wordt, en of het de sleutel is waarmee de contacten van deze roadmap versleuteld zijn.", "Which key file is used, and whether it is the key this roadmap's contacts were hashed with."),
        options: [.json]
    ) { invocation in
        let path = invocation.keyFilePath
        let custody = try invocation.openRoadmap().keyCustody()
        var loaded: PseudonymKey?
        var problem: String?
        do {
            loaded = try PseudonymKey.load(path: path)
        } catch let error as PseudonymKeyError {
            problem = error.message(language)
        }
        let matches = loaded.map { key in custody.keyID.map { $0 == key.id } ?? true }
        if invocation.json {
            Output.json(.object(JSONObject([
                ("key_file", .string(path)), ("key_file_id", loaded.map { .string($0.id) } ?? .null),
                ("roadmap_key_id", custody.keyID.map(JSON.string) ?? .null), ("secret_in_roadmap", .bool(custody.secretInRoadmap)),
                ("matches", matches.map(JSON.bool) ?? .null), ("contacts", .int(Int64(custody.contacts))),
            ])))
            return
        }
        var output = Output()
        output.line(t("sleutelbestand: ", "key file: ") + path + (loaded.map { t(" (sleutel-id ", " (key id ") + $0.id + ")" } ?? ""))
        if let problem { output.line("  \(problem)") }
        output.line("roadmap: \(custody.contacts) " + t("contacten", "contacts")
                    + (custody.keyID.map { t(", versleuteld met sleutel-id ", ", hashed with key id ") + $0 } ?? t(", nog geen sleutel gebruikt", ", no key used yet")))
        if custody.secretInRoadmap {
            output.line(t("  het roadmap-bestand bevat het geheim zelf nog; haal het eruit met 'molensloot key move'", "  the roadmap file still holds the secret itself; move it out with 'molensloot key move'"))
        }
        if matches == false { output.line(t("  het sleutelbestand is NIET de sleutel van deze roadmap; noem het juiste met --key-file", "  the key file is NOT this roadmap's key; name the right one with --key-file")) }
        output.flush()
    }

    static let move = Command(
        name: "move",
        abstract: t("Verplaats het geheim dat een oudere molensloot in het roadmap-bestand bewaarde naar het sleutelbestand, en wis het uit de roadmap.", "Move the secret that an older molensloot kept inside the roadmap file into the key file, and wipe it from the roadmap."),
        examples: ["molensloot key move --key-file /veilig/molensloot.key"]
    ) { invocation in
        let key = try invocation.openRoadmap().moveKeyOut(to: invocation.keyFilePath)
        Output.print(t("het geheim staat nu in \(key.path) (sleutel-id \(key.id)) en is uit het roadmap-bestand gewist; "
                       + "eerder gemaakte reservekopieën en exports bevatten het nog: vernietig ze of bewaar ze even veilig als het sleutelbestand",
                     "moved the secret into \(key.path) (key id \(key.id)) and wiped it from the roadmap file; "
                       + "backups and exports made before still hold it: destroy them or keep them as safe as the key file"))
    }
}

extension Invocation {
    /// The key file: --key-file, else $MOLENSLOOT_KEY_FILE, else the default in the home folder.
    var keyFilePath: String {
        PseudonymKey.location(option: value("key-file"), environment: { environment.variable($0) })
    }
}

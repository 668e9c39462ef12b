#include "ExampleRoadmaps.h"

static const unsigned char molensloot[] = {
#embed "../../Roadmaps/molensloot.json"
};

static const unsigned char haarlemmermeer_mor[] = {
#embed "../../Roadmaps/haarlemmermeer-mor.json"
};

static const unsigned char ede_omgevingsvergunning[] = {
#embed "../../Roadmaps/ede-omgevingsvergunning.json"
};

const unsigned char *example_molensloot(size_t *size) {
    *size = sizeof(molensloot);
    return molensloot;
}

const unsigned char *example_haarlemmermeer_mor(size_t *size) {
    *size = sizeof(haarlemmermeer_mor);
    return haarlemmermeer_mor;
}

const unsigned char *example_ede_omgevingsvergunning(size_t *size) {
    *size = sizeof(ede_omgevingsvergunning);
    return ede_omgevingsvergunning;
}

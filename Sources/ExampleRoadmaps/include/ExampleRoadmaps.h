// The example roadmaps of Roadmaps/, built into the binary so that `molensloot demo` works from a
// copied binary. C23's #embed reads the JSON files at compile time: a Swift array literal of the
// same bytes takes minutes to type-check.
#include <stddef.h>

const unsigned char *example_molensloot(size_t *size);
const unsigned char *example_haarlemmermeer_mor(size_t *size);
const unsigned char *example_ede_omgevingsvergunning(size_t *size);

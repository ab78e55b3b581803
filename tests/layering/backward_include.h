// A file that breaks the layering on purpose (tests/CMakeLists.txt: the layering check must reject it,
// as it would reject this file inside src/ingest/): ingest may not include render, nor httplib.
#pragma once
#include <httplib.h>
#include "render/text/json.h"
#include "model/model.h"

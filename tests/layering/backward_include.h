// A file that breaks the layering on purpose (tests/CMakeLists.txt: the layering check must reject it,
// as it would reject this file inside src/ingest/): ingest may not include render or analysis, nor the
// HTTP library, in either include style, and no include may climb with '..'.
#pragma once
#include <httplib.h>
#include "render/text/json.h"
#include <analysis/params.h>
#include "../render/svg/diagram.h"
#include "httplib.h"
#include "model/model.h"

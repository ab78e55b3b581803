#include <gtest/gtest.h>

#include "catalog/catalog.h"

TEST(Catalog, HasModels) { EXPECT_EQ(llmg::Catalog::bundled().entries().size(), 72u); }

// A C++ harness: std::string, a vector, and an uncaught exception (so
// std::terminate -> abort) on inputs starting with "C+".
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

static volatile size_t sink;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    std::string s(reinterpret_cast<const char *>(data), size);
    std::vector<int> v(s.begin(), s.end());
    sink = v.size();
    if (s.size() >= 2 && s[0] == 'C')
        if (s[1] == '+')
            throw std::runtime_error("C++ target: bad input " + s);
    return 0;
}

# ferret - a plain Makefile.  Targets: all (default), demo, check, unit, e2e,
# bench, install, clean.  See README.md.

CC      ?= clang
ifeq ($(origin CC),default)
CC      := clang
endif
PREFIX  ?= /usr/local
BUILD   := build

# The engine and runtime are never coverage-instrumented nor sanitized,
# whatever CFLAGS the environment exports (OSS-Fuzz exports
# -fsanitize=fuzzer-no-link,address and -fprofile-instr-generate
# -fcoverage-mapping for its builds; libFuzzer itself is built without them
# too): those flags are dropped and sanitizers switched off explicitly.  An
# instrumented engine would count its own edges as the target's and run
# 100 times slower.  Everything is built with hidden visibility; only
# symbols marked FERRET_EXPORT survive in libferret.a (see the archive rule
# below).
CFLAGS  ?= -O2 -g
INSTRUMENTATION_FLAGS := -fsanitize=% -fsanitize-% -fno-sanitize% -fprofile-% \
           -fno-profile-% -fcoverage-% -fno-coverage-% --coverage -coverage -fxray-%
override CFLAGS := $(filter-out $(INSTRUMENTATION_FLAGS),$(CFLAGS)) -fno-sanitize=all
override CFLAGS += -std=c11 -D_GNU_SOURCE -Wall -Wextra -Wno-unused-parameter \
           -fvisibility=hidden -fno-omit-frame-pointer -Iinclude -Isrc/engine -Isrc/runtime

ENGINE_SRCS  := $(sort $(wildcard src/engine/*.c))
RUNTIME_SRCS := $(sort $(wildcard src/runtime/*.c))
ENGINE_OBJS  := $(ENGINE_SRCS:src/%.c=$(BUILD)/obj/%.o)
RUNTIME_OBJS := $(RUNTIME_SRCS:src/%.c=$(BUILD)/obj/%.o)
UNIT_SRCS    := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BINS    := $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/unit/%)

.PHONY: all demo check layers unit e2e bench install clean deps docs

WRAPPERS := $(BUILD)/bin/ferret-cc $(BUILD)/bin/ferret-c++

# ferret's LLVM pass plugin (src/plugin/ferret_pass.cpp), for clang 14: it
# reports float and wide-integer compares.  Built only where LLVM 14's
# headers are (Debian's llvm-14-dev, which `make deps` installs); without
# them the rest builds and ferret-cc loads no plugin.  It is not linked
# against LLVM: clang, which loads it, provides LLVM's symbols.
LLVM_CONFIG ?= $(shell command -v llvm-config-14 2>/dev/null)
PLUGIN_CXX  ?= clang++
PLUGIN      := $(BUILD)/lib/ferret-pass.so
PLUGIN_TARGET := $(if $(LLVM_CONFIG),$(PLUGIN))

all: $(BUILD)/libferret.a $(WRAPPERS) $(PLUGIN_TARGET)

$(PLUGIN): src/plugin/ferret_pass.cpp src/runtime/cmpwide.h
	@mkdir -p $(dir $@)
	$(PLUGIN_CXX) $$($(LLVM_CONFIG) --cxxflags) -fno-rtti -fPIC -shared -O2 -Wall \
	    -Isrc/runtime $< -o $@.tmp && mv -f $@.tmp $@

# The compiler wrappers (tools/ferret-cc): they find ../libferret.a.
$(WRAPPERS): tools/ferret-cc
	@mkdir -p $(dir $@)
	cp $< $@.tmp && chmod 755 $@.tmp && mv -f $@.tmp $@

$(BUILD)/obj/%.o: src/%.c $(wildcard src/engine/*.h include/*.h src/runtime/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c $< -o $@

# One relocatable object, hidden symbols made local, then archived with
# `main` as a member of its own (main_stub.c): a harness can define any name
# it likes except LLVM*, __sanitizer_* and ferret_* (the C library functions
# ferret watches are weak), and a program with its own main links without
# ferret's (it calls LLVMFuzzerRunDriver).
MAIN_STUB_OBJ := $(BUILD)/obj/runtime/main_stub.o
$(BUILD)/libferret.a: $(ENGINE_OBJS) $(RUNTIME_OBJS)
	ld -r -o $(BUILD)/ferret.o $(filter-out $(MAIN_STUB_OBJ),$^)
	objcopy --localize-hidden $(BUILD)/ferret.o
	rm -f $@ && ar rcs $@ $(BUILD)/ferret.o $(MAIN_STUB_OBJ)

# Unit tests link the engine objects directly (no runtime, no main).
$(BUILD)/engine.a: $(ENGINE_OBJS)
	rm -f $@ && ar rcs $@ $^

$(BUILD)/unit/%: tests/unit/%.c $(BUILD)/engine.a tests/unit/check.h
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $< $(BUILD)/engine.a -o $@ -lm

unit: $(UNIT_BINS)
	@set -e; for t in $(UNIT_BINS); do $$t; done

e2e: $(BUILD)/libferret.a $(WRAPPERS) $(PLUGIN_TARGET)
	@bash tests/e2e/run_all.sh

check: deps
	$(MAKE) layers
	$(MAKE) unit
	$(MAKE) e2e

# The source's shape: files call only their own layer and those below, no
# cycle (tools/layers.txt, from the objects and includes), every source
# file is in the README's tour, and every file's header says what it owns.
layers: $(BUILD)/libferret.a
	@bash tools/layers.sh --quiet
	@bash tools/tour.sh
	@bash tools/owns.sh

demo: deps $(BUILD)/libferret.a
	@bash examples/demo.sh

# The pictures in docs/, made by the tests' own commands (the status screen
# under tmux, ferret-plot's SVG, the coverage report in headless Chromium).
docs: deps $(BUILD)/libferret.a $(WRAPPERS)
	@set -e; for t in tui plot coverage_report; do \
	    FERRET_DOCS_DIR=$(CURDIR)/docs bash tests/e2e/test_$$t.sh; done
	@ls docs/*.png

# The full benchmark takes hours (see bench/README.md); BENCH_ONLY="run merge"
# picks parts: run (exec/s, time-to-crash), challenge (10 hard targets, with
# AFL++), merge (10,000-file corpus), libs (5 real libraries, 3 engines, 10 min each).
BENCH_ONLY ?= run challenge merge libs
bench: deps $(BUILD)/libferret.a
	@for part in $(BENCH_ONLY); do \
	    case $$part in \
	    run) bash bench/run.sh ;; \
	    challenge) bash bench/challenge.sh ;; \
	    merge) bash bench/merge.sh ;; \
	    libs) bash bench/libs.sh ;; \
	    esac || exit 1; \
	done

# Everything beyond the base image (clang 14, compiler-rt, make) comes from
# Debian's packages: autoconf and automake, for the e2e test that builds an
# autotools library with ferret-cc (tests/e2e/test_ferret_cc.sh), and
# llvm-14-dev, LLVM's headers for the pass plugin (tests/e2e/test_plugin_*).
# If they cannot be installed, the rest of the suite still runs and those
# tests fail, naming them.
APT_READY := { [ -n "$$(find /var/lib/apt/lists -name '*Packages*' 2>/dev/null | head -1)" ] || apt-get update -qq; }
deps:
	@command -v autoreconf >/dev/null && command -v automake >/dev/null || { \
	    $(APT_READY) && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq autoconf automake >/dev/null; } || \
	    echo "deps: could not install autoconf and automake; test_ferret_cc will fail" >&2
	@command -v llvm-config-14 >/dev/null || { \
	    $(APT_READY) && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq llvm-14-dev >/dev/null; } || \
	    echo "deps: could not install llvm-14-dev; ferret's pass plugin is not built and test_plugin_* will fail" >&2

install: $(BUILD)/libferret.a $(PLUGIN_TARGET)
	install -d $(DESTDIR)$(PREFIX)/lib $(DESTDIR)$(PREFIX)/include $(DESTDIR)$(PREFIX)/bin
	install -m 755 tools/ferret-cc $(DESTDIR)$(PREFIX)/bin/ferret-cc
	install -m 755 tools/ferret-cc $(DESTDIR)$(PREFIX)/bin/ferret-c++
	install -m 644 $(BUILD)/libferret.a $(DESTDIR)$(PREFIX)/lib/libferret.a
	install -m 644 include/ferret.h $(DESTDIR)$(PREFIX)/include/ferret.h
	if [ -f $(PLUGIN) ]; then install -m 755 $(PLUGIN) $(DESTDIR)$(PREFIX)/lib/ferret-pass.so; fi

clean:
	rm -rf $(BUILD)

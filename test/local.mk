# test/ build fragment
include test/integ/integ.mk
include test/unit/arch.mk
include test/unit/decode.mk
include test/unit/canon.mk
include test/unit/core.mk
include test/unit/policy.mk
include test/integ/policy-integ.mk
include test/escape/escape.mk
include test/vm/vm.mk

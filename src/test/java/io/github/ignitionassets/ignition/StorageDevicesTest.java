package io.github.ignitionassets.ignition;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Ignition's rules for disks, partitions, filesystems, RAID and LUKS, case by case: each case names the upstream file
 * (in {@code coreos/ignition}) whose rule it shows, at tag v2.14.0 for 3.0.0-3.3.0 (what ignition-validate 2.14 does;
 * the corpus checks those against it) and at upstream's HEAD for 3.4.0 and 3.5.0.
 *
 * <p>A case is a spec version, the {@code storage} object (single quotes for double ones) and the findings as
 * "severity path kind", paths under {@code storage.}.
 */
class StorageDevicesTest {

    private static final String V214 = " (v2.14.0)";
    private static final String HEAD = " (HEAD)";

    static Stream<Arguments> cases() {
        return Stream.of(
                // ---- partitions
                c("config/v3_3/types/partition.go" + V214, "3.3.0",
                        "{'disks':[{'device':'/dev/sda','partitions':[{'number':1,'shouldExist':false,'label':'a'}]}]}",
                        "error disks[0].partitions[0] SHOULD_NOT_EXIST"),
                c("config/v3_0/types/partition.go" + V214, "3.0.0",
                        "{'disks':[{'device':'/dev/sda','partitions':[{'number':1,'shouldExist':false,'sizeMiB':0},"
                                + "{'number':2,'shouldExist':false,'typeGuid':'','guid':''},{'number':3,'shouldExist':true,'startMiB':1}]}]}",
                        "error disks[0].partitions[0] SHOULD_NOT_EXIST"),
                c("config/v3_0/types/partition.go" + V214, "3.0.0",
                        "{'disks':[{'device':'/dev/sda','partitions':[{'sizeMiB':5},{}]}]}",
                        "error disks[0].partitions[0] PARTITION_NOT_IDENTIFIED",
                        "error disks[0].partitions[1] PARTITION_NOT_IDENTIFIED",
                        // Both have Key() "": config/validate/validate.go calls them duplicates.
                        "error disks[0].partitions[1] DUPLICATE_ENTRY"),
                c("config/v3_1/types/partition.go" + V214, "3.1.0",
                        "{'disks':[{'device':'/dev/sda','partitions':[{'label':'" + "x".repeat(36) + "'},"
                                + "{'label':'" + "x".repeat(37) + "'},{'label':'" + "\u00e9".repeat(19) + "'},{'label':'a:b'},{'label':''}]}]}",
                        "error disks[0].partitions[1].label PARTITION_LABEL",
                        "error disks[0].partitions[2].label PARTITION_LABEL",
                        "error disks[0].partitions[3].label PARTITION_LABEL"),
                c("config/v3_5/types/partition.go" + HEAD, "3.5.0",
                        "{'disks':[{'device':'/dev/sda','partitions':[{'number':1,'label':'a:b'},{'number':2,'label':'" + "x".repeat(37) + "'}]}]}",
                        "error disks[0].partitions[0].label PARTITION_LABEL",
                        "error disks[0].partitions[1].label PARTITION_LABEL"),
                c("config/v3_2/types/partition.go" + V214, "3.2.0",
                        "{'disks':[{'device':'/dev/sda','partitions':[{'number':1,'guid':'','typeGuid':'0fc63daf-8483-4772-8E79-3D69D8477DE4'},"
                                + "{'number':2,'guid':'0FC63DAF-8483-4772-8E79-3D69D8477DE4x','typeGuid':'linux','resize':true}]}]}",
                        "error disks[0].partitions[1].guid GUID",
                        "error disks[0].partitions[1].typeGuid GUID"),
                // ---- disks
                c("config/v3_0/types/disk.go" + V214, "3.0.0",
                        "{'disks':[{'partitions':[{'number':1},{'number':1}]}]}",
                        // No device: Ignition returns before it compares the partitions, but the duplicate check runs.
                        "error disks[0].device MISSING_FIELD",
                        "error disks[0].partitions[1] DUPLICATE_ENTRY"),
                c("config/v3_3/types/disk.go" + V214, "3.3.0",
                        "{'disks':[{'device':'sda'},{'device':'/dev/sdb/','wipeTable':true}]}",
                        "error disks[0].device PATH_NOT_ABSOLUTE",
                        "error disks[1].device PATH_NOT_SIMPLIFIED"),
                c("config/v3_1/types/disk.go" + V214, "3.1.0",
                        "{'disks':[{'device':'/dev/sda','partitions':[{'number':2},{'number':2,'label':'b'},{'number':2}]}]}",
                        "error disks[0].partitions[1] PARTITION_NUMBER_COLLISION",
                        "error disks[0].partitions[1] DUPLICATE_ENTRY",
                        "error disks[0].partitions[2] DUPLICATE_ENTRY"),
                c("config/v3_2/types/disk.go" + V214, "3.2.0",
                        "{'disks':[{'device':'/dev/sda','partitions':[{'number':1,'startMiB':10,'sizeMiB':10},"
                                + "{'number':2,'startMiB':15,'sizeMiB':10}]}]}",
                        // The first partition overlaps the second: the second is named.
                        "error disks[0].partitions[1] PARTITION_OVERLAP"),
                c("config/v3_2/types/disk.go" + V214, "3.2.0",
                        "{'disks':[{'device':'/dev/sda','partitions':[{'number':1,'startMiB':20,'sizeMiB':5},"
                                + "{'number':2,'startMiB':1,'sizeMiB':100}]}]}",
                        "error disks[0].partitions[1] PARTITION_OVERLAP"),
                c("config/v3_3/types/disk.go" + V214, "3.3.0",
                        "{'disks':[{'device':'/dev/sda','partitions':[{'number':1,'startMiB':10,'sizeMiB':10},"
                                + "{'number':2,'startMiB':20,'sizeMiB':0},{'number':3,'startMiB':0,'sizeMiB':100},{'number':4,'startMiB':15}]}]}"),
                c("config/v3_4/types/disk.go" + HEAD, "3.4.0",
                        "{'disks':[{'device':'/dev/sda','partitions':[{'number':1,'startMiB':10,'sizeMiB':0},{'number':2,'startMiB':10,'sizeMiB':1}]}]}",
                        "error disks[0].partitions[1] PARTITION_OVERLAP"),
                c("config/v3_0/types/disk.go" + V214, "3.0.0",
                        "{'disks':[{'device':'/dev/sda','partitions':[{'label':'a'},{'number':2,'label':'a'}]}]}",
                        "error disks[0].partitions[1] PARTITION_LABEL_COLLISION"),
                c("config/v3_3/types/disk.go" + V214, "3.3.0",
                        "{'disks':[{'device':'/dev/sda','partitions':[{'number':1,'shouldExist':false},{'label':'b'}]}]}",
                        "error disks[0].partitions SHOULD_NOT_EXIST"),
                // Upstream dropped partitionsMixZeroesAndNonexistence after 2.14 (for every version; 3.0-3.3 keep 2.14's).
                c("config/v3_4/types/disk.go" + HEAD, "3.4.0",
                        "{'disks':[{'device':'/dev/sda','partitions':[{'number':1,'shouldExist':false},{'label':'b'}]}]}"),
                c("config/v3_5/types/disk.go" + HEAD, "3.5.0",
                        "{'disks':[{'device':'/dev/sda','partitions':[{'number':1,'shouldExist':false},{'label':'b'}]}]}"),
                // ---- filesystems
                c("config/v3_2/types/filesystem.go" + V214, "3.2.0",
                        "{'filesystems':[{'device':'/dev/a','format':'none'},{'device':'/dev/b','format':'ext3'}]}",
                        "error filesystems[0].format FILESYSTEM_FORMAT",
                        "error filesystems[1].format FILESYSTEM_FORMAT"),
                c("config/v3_3/types/filesystem.go" + V214, "3.3.0",
                        "{'filesystems':[{'device':'/dev/a','format':'none','label':'" + "x".repeat(300) + "'}]}"),
                c("config/v3_4/types/filesystem.go" + HEAD, "3.4.0",
                        "{'filesystems':[{'device':'/dev/a','format':'none'},{'device':'/dev/b','format':'virtiofs'}]}",
                        "error filesystems[1].format FILESYSTEM_FORMAT"),
                c("config/v3_0/types/filesystem.go" + V214, "3.0.0",
                        "{'filesystems':[{'device':'/dev/a','wipeFilesystem':true},{'device':'/dev/b','options':['-f']},"
                                + "{'device':'/dev/c','uuid':'u'},{'device':'/dev/d','path':'/var'},{'device':'/dev/e','format':'','path':'','uuid':'','options':[]}]}",
                        "error filesystems[0].format FILESYSTEM_FORMAT",
                        "error filesystems[1].format FILESYSTEM_FORMAT",
                        "error filesystems[2].format FILESYSTEM_FORMAT",
                        "error filesystems[3].format FILESYSTEM_FORMAT"),
                c("config/v3_0/types/schema.go" + V214, "3.0.0",
                        "{'filesystems':[{'device':'/dev/a','mountOptions':['ro']}]}",
                        "warning filesystems[0].mountOptions UNKNOWN_KEY"),
                c("config/v3_1/types/filesystem.go" + V214, "3.1.0",
                        "{'filesystems':[{'device':'/dev/a','mountOptions':['ro']}]}",
                        "error filesystems[0].format FILESYSTEM_FORMAT"),
                c("config/v3_1/types/filesystem.go" + V214, "3.1.0",
                        "{'filesystems':[{'device':'/dev/a','label':'x'}]}",
                        "error filesystems[0].format FILESYSTEM_FORMAT",
                        "error filesystems[0].label FILESYSTEM_LABEL"),
                c("config/v3_3/types/filesystem.go" + V214, "3.3.0",
                        "{'filesystems':[" + labels(1) + "]}",
                        "error filesystems[0].label FILESYSTEM_LABEL",
                        "error filesystems[1].label FILESYSTEM_LABEL",
                        "error filesystems[2].label FILESYSTEM_LABEL",
                        "error filesystems[3].label FILESYSTEM_LABEL",
                        "error filesystems[4].label FILESYSTEM_LABEL"),
                c("config/v3_3/types/filesystem.go" + V214, "3.3.0", "{'filesystems':[" + labels(0) + "]}"),
                c("config/v3_5/types/filesystem.go" + HEAD, "3.5.0",
                        "{'filesystems':[" + labels(1) + "]}",
                        "error filesystems[0].label FILESYSTEM_LABEL",
                        "error filesystems[1].label FILESYSTEM_LABEL",
                        "error filesystems[2].label FILESYSTEM_LABEL",
                        "error filesystems[3].label FILESYSTEM_LABEL",
                        "error filesystems[4].label FILESYSTEM_LABEL"),
                c("config/v3_1/types/filesystem.go" + V214, "3.1.0",
                        "{'filesystems':[{'format':'xfs','path':'var'},{'device':'dev/b','format':'xfs','path':'/var/'}]}",
                        "error filesystems[0].device MISSING_FIELD",
                        "error filesystems[0].path PATH_NOT_ABSOLUTE",
                        "error filesystems[1].device PATH_NOT_ABSOLUTE",
                        "error filesystems[1].path PATH_NOT_SIMPLIFIED"),
                // ---- filesystems on whole disks: upstream's warnings, not in 2.14
                c("config/v3_3/types/storage.go" + V214, "3.3.0", FILESYSTEMS_ON_DISKS),
                c("config/v3_4/types/storage.go" + HEAD, "3.4.0", FILESYSTEMS_ON_DISKS,
                        "warning filesystems[0].device PARTITIONS_OVERWRITTEN",
                        "warning filesystems[1].device FILESYSTEM_IMPLICIT_WIPE"),
                c("config/v3_5/types/storage.go" + HEAD, "3.5.0", FILESYSTEMS_ON_DISKS,
                        "warning filesystems[0].device PARTITIONS_OVERWRITTEN",
                        "warning filesystems[1].device FILESYSTEM_IMPLICIT_WIPE"),
                c("config/v3_3/types/storage.go" + V214, "3.3.0", HARD_LINK_WITH_OWNER),
                c("config/v3_4/types/storage.go" + HEAD, "3.4.0", HARD_LINK_WITH_OWNER,
                        "warning links[0].user.id HARD_LINK_OWNER",
                        "warning links[0].group.name HARD_LINK_OWNER"),
                // ---- RAID
                c("config/v3_0/types/raid.go" + V214, "3.0.0",
                        "{'raid':[{'name':'a','level':'raid0','spares':1,'devices':['/dev/a']},{'name':'b','level':'stripe','spares':0,'devices':['/dev/a']},"
                                + "{'name':'c','level':'mirror','spares':2,'devices':['/dev/a']},{'name':'d','level':'RAID1','devices':['/dev/a']},"
                                + "{'name':'e','level':'raid7','devices':['/dev/a']}]}",
                        "error raid[0].level RAID_LEVEL",
                        "error raid[3].level RAID_LEVEL",
                        "error raid[4].level RAID_LEVEL"),
                c("config/v3_2/types/raid.go" + V214, "3.2.0",
                        "{'raid':[{'name':'a','devices':['/dev/a']}]}",
                        "error raid[0].level RAID_LEVEL"),
                c("config/v3_3/types/raid.go" + V214, "3.3.0",
                        "{'raid':[{'name':'a','level':'','devices':['/dev/a']}]}",
                        "error raid[0].level MISSING_FIELD"),
                c("config/v3_4/types/raid.go" + HEAD, "3.4.0",
                        "{'raid':[{'name':'a','devices':['/dev/a']},{'name':'b','level':'linear','spares':1,'devices':['/dev/a']}]}",
                        "error raid[0].level MISSING_FIELD",
                        "error raid[1].level RAID_LEVEL"),
                c("config/v3_1/types/raid.go" + V214, "3.1.0",
                        "{'raid':[{'name':'a','level':'1','devices':[],'options':['x','x']},"
                                + "{'name':'b','level':'1','devices':['','dev/a','/dev/a/..','/dev/b','/dev/b']}]}",
                        "error raid[0].devices MISSING_FIELD",
                        "error raid[1].devices[0] MISSING_FIELD",
                        "error raid[1].devices[1] PATH_NOT_ABSOLUTE",
                        "error raid[1].devices[2] PATH_NOT_SIMPLIFIED",
                        "error raid[1].devices[4] DUPLICATE_ENTRY"),
                // ---- LUKS
                c("config/v3_2/types/luks.go" + V214, "3.2.0",
                        "{'luks':[{'name':'a/b','device':'/dev/a','label':'" + "x".repeat(48) + "','options':['x','x']},"
                                + "{'name':'c','label':'" + "x".repeat(47) + "'},{'name':'d','device':'dev/a'}]}",
                        "error luks[0].name LUKS_NAME",
                        "error luks[0].label LUKS_LABEL",
                        "error luks[1].device MISSING_FIELD",
                        "error luks[2].device PATH_NOT_ABSOLUTE"),
                c("config/v3_3/types/luks.go" + V214, "3.3.0",
                        "{'luks':[{'name':'a','device':'/dev/a','keyFile':{'source':'ftp://k'}},{'name':'b','device':'/dev/a','keyFile':{'source':'data:,k'}}]}",
                        // Ignition names a field "keys" that is not there.
                        "error luks[0].keys LUKS_KEY_FILE",
                        "error luks[0].keyFile.source URL_SCHEME"),
                c("config/v3_2/types/luks.go" + V214, "3.2.0",
                        "{'luks':[{'name':'a','device':'/dev/a','clevis':{'custom':{},'tpm2':true}},"
                                + "{'name':'b','device':'/dev/a','clevis':{'custom':null,'tpm2':true}},{'name':'c','device':'/dev/a','clevis':null}]}",
                        // In 3.2.0 any custom object counts; a null clevis or custom is a nil pointer, no warning.
                        "error luks[0].clevis CLEVIS"),
                c("config/v3_3/types/luks.go" + V214, "3.3.0",
                        "{'luks':[{'name':'a','device':'/dev/a','clevis':{'custom':{},'tpm2':true}},"
                                + "{'name':'b','device':'/dev/a','clevis':{'custom':{'pin':'tang','config':'{}'},'threshold':2}},"
                                + "{'name':'c','device':'/dev/a','clevis':null}]}",
                        "error luks[1].clevis CLEVIS",
                        "warning luks[2].clevis NULL_OBJECT"),
                c("config/v3_2/types/custom.go" + V214, "3.2.0",
                        "{'luks':[{'name':'a','device':'/dev/a','clevis':{'custom':{'config':'{}'}}},"
                                + "{'name':'b','device':'/dev/a','clevis':{'custom':{'pin':'x'}}},"
                                + "{'name':'c','device':'/dev/a','clevis':{'custom':{'needsNetwork':true}}}]}",
                        "error luks[0].clevis.custom.pin CLEVIS",
                        "error luks[1].clevis.custom.pin CLEVIS",
                        "error luks[1].clevis.custom.config MISSING_FIELD"),
                c("config/v3_3/types/clevis.go" + V214, "3.3.0",
                        "{'luks':[{'name':'a','device':'/dev/a','clevis':{'custom':{'config':'{}'}}},"
                                + "{'name':'b','device':'/dev/a','clevis':{'custom':{'pin':'x'}}},"
                                + "{'name':'c','device':'/dev/a','clevis':{'custom':{'needsNetwork':true}}},"
                                + "{'name':'d','device':'/dev/a','clevis':{'custom':{'pin':'sss','config':'{}','needsNetwork':false}}}]}",
                        "error luks[0].clevis.custom.pin MISSING_FIELD",
                        "error luks[1].clevis.custom.pin CLEVIS",
                        "error luks[1].clevis.custom.config MISSING_FIELD",
                        "error luks[2].clevis.custom.pin MISSING_FIELD",
                        "error luks[2].clevis.custom.config MISSING_FIELD"),
                c("config/v3_5/types/clevis.go" + HEAD, "3.5.0",
                        "{'luks':[{'name':'c','device':'/dev/a','clevis':{'custom':{'needsNetwork':true}}}]}",
                        "error luks[0].clevis.custom.pin MISSING_FIELD",
                        "error luks[0].clevis.custom.config MISSING_FIELD"),
                c("config/v3_3/types/tang.go" + V214, "3.3.0",
                        "{'luks':[{'name':'a','device':'/dev/a','clevis':{'tang':[{'url':'http://t','thumbprint':'x'},"
                                + "{'url':'HTTPS://u'},{'url':'tftp://v','thumbprint':'x'},{'url':'http://w%zz','thumbprint':'x'},"
                                + "{'url':'http://t','thumbprint':'y'},{'thumbprint':'x'}]}}]}",
                        "error luks[0].clevis.tang[1].thumbprint MISSING_FIELD",
                        "error luks[0].clevis.tang[2].url URL_SCHEME",
                        "error luks[0].clevis.tang[3].url URL_INVALID",
                        "error luks[0].clevis.tang[4] DUPLICATE_ENTRY",
                        "error luks[0].clevis.tang[5].url URL_SCHEME"),
                c("config/v3_3/types/schema.go" + V214, "3.3.0",
                        "{'luks':[{'name':'a','device':'/dev/a','clevis':{'tang':[{'url':'http://t','thumbprint':'x','advertisement':'{'}]}}]}",
                        "warning luks[0].clevis.tang[0].advertisement UNKNOWN_KEY"),
                c("config/v3_4/types/tang.go" + HEAD, "3.4.0",
                        "{'luks':[{'name':'a','device':'/dev/a','clevis':{'tang':[{'url':'http://t','thumbprint':'x','advertisement':'{'},"
                                + "{'url':'http://u','thumbprint':'x','advertisement':'{\\'payload\\':1}'},{'url':'http://v','thumbprint':'x','advertisement':''}]}}]}",
                        "error luks[0].clevis.tang[0].advertisement TANG_ADVERTISEMENT"),
                c("config/v3_5/types/tang.go" + HEAD, "3.5.0",
                        "{'luks':[{'name':'a','device':'/dev/a','clevis':{'tang':[{'url':'http://t','thumbprint':'x','advertisement':'1 2'},"
                                + "{'url':'http://u','thumbprint':'x','advertisement':'[1e400]'},"
                                + "{'url':'http://v','thumbprint':'x','advertisement':' [1e-400, null] '}]}}]}",
                        // json.Unmarshal: trailing data fails, and so does a number beyond float64.
                        "error luks[0].clevis.tang[0].advertisement TANG_ADVERTISEMENT",
                        "error luks[0].clevis.tang[1].advertisement TANG_ADVERTISEMENT"),
                c("config/v3_4/types/luks.go" + HEAD, "3.4.0",
                        "{'luks':[{'name':'a','device':'/dev/a','discard':true,'options':['x','x'],'openOptions':['--y','--y']}]}",
                        // config/validate: Luks ignores duplicates in Options only.
                        "error luks[0].openOptions[1] DUPLICATE_ENTRY"),
                c("config/v3_5/types/luks.go" + HEAD, "3.5.0",
                        "{'luks':[{'name':'a','device':'/dev/a','cex':{'enabled':true},'clevis':{'tpm2':true}},"
                                + "{'name':'b','device':'/dev/a','cex':{'enabled':true},'keyFile':{'source':'data:,k'}},"
                                + "{'name':'c','device':'/dev/a','cex':{'enabled':false},'clevis':{'threshold':1}},"
                                + "{'name':'d','device':'/dev/a','cex':{'enabled':true}}]}",
                        "error luks[0].cex CEX",
                        "error luks[1].cex CEX"),
                c("config/v3_4/types/schema.go" + HEAD, "3.4.0",
                        "{'luks':[{'name':'a','device':'/dev/a','cex':{'enabled':true},'clevis':{'tpm2':true}}]}",
                        "warning luks[0].cex UNKNOWN_KEY"),
                // ---- duplicates across the lists
                c("config/validate/validate.go" + V214, "3.3.0",
                        "{'disks':[{'device':'/dev/a'},{'device':'/dev/a'}],'filesystems':[{'device':'/dev/b','format':'xfs'},"
                                + "{'device':'/dev/b','format':'ext4'}],'raid':[{'name':'r','level':'1','devices':['/dev/c']},"
                                + "{'name':'r','level':'1','devices':['/dev/d']}],'luks':[{'name':'l','device':'/dev/e'},{'name':'l','device':'/dev/f'}]}",
                        "error disks[1] DUPLICATE_ENTRY",
                        "error filesystems[1] DUPLICATE_ENTRY",
                        "error raid[1] DUPLICATE_ENTRY",
                        "error luks[1] DUPLICATE_ENTRY"),
                c("config/validate/validate.go" + HEAD, "3.5.0",
                        "{'disks':[{'device':'/dev/a'},{'device':'/dev/a'}],'luks':[{'name':'l','device':'/dev/e'},{'name':'l','device':'/dev/f'}]}",
                        "error disks[1] DUPLICATE_ENTRY",
                        "error luks[1] DUPLICATE_ENTRY"));
    }

    private static final String FILESYSTEMS_ON_DISKS = "{'disks':[{'device':'/dev/a','partitions':[{'number':1}]},"
            + "{'device':'/dev/b','wipeTable':true},{'device':'/dev/c','wipeTable':true}],"
            + "'filesystems':[{'device':'/dev/a','format':'xfs'},{'device':'/dev/b','format':'xfs'},"
            + "{'device':'/dev/c','format':'xfs','wipeFilesystem':true},{'device':'/dev/a1','format':'xfs'}]}";

    private static final String HARD_LINK_WITH_OWNER = "{'links':[{'path':'/a','target':'/b','hard':true,"
            + "'user':{'id':0},'group':{'name':'g'}},{'path':'/c','target':'/b','user':{'id':0}}]}";

    /** A filesystem of each format with a length limit, its label {@code over} bytes longer than the limit. */
    private static String labels(int over) {
        return String.join(",", Stream.of("ext4:16", "xfs:12", "vfat:11", "swap:15", "btrfs:256").map(f -> {
            String[] parts = f.split(":");
            return "{'device':'/dev/" + parts[0] + "','format':'" + parts[0] + "','label':'"
                    + "x".repeat(Integer.parseInt(parts[1]) + over) + "'}";
        }).toList());
    }

    private static Arguments c(String source, String version, String storage, String... expected) {
        return Arguments.of(source, version, storage, List.of(expected));
    }

    @ParameterizedTest(name = "[{index}] {0} {1}")
    @MethodSource("cases")
    void findsWhatIgnitionFinds(String source, String version, String storage, List<String> expected) {
        String config = "{\"ignition\":{\"version\":\"" + version + "\"},\"storage\":" + storage.replace('\'', '"') + "}";
        List<String> want = expected.stream().map(e -> e.split(" ", 3))
                .map(p -> CorpusCase.row(p[0], "storage." + p[1], p[2])).sorted().toList();
        ValidationReport report = ConfigValidator.validate(config.getBytes(StandardCharsets.UTF_8));
        assertEquals(want, CorpusCase.actual(report), () -> source + ": " + config + "\n" + Arrays.toString(
                Stream.concat(report.errors().stream(), report.warnings().stream()).toArray()));
    }
}

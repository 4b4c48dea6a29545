package io.dealsync.intake;

import io.dealsync.read.RecordReader;
import io.dealsync.read.SourceProfile;
import io.dealsync.rules.Wording;

/** The reviewer's wording of a file: the headers of a CSV read through its source's profile, and its forms. */
final class Wordings {
    private Wordings() {
    }

    static Wording of(SourceProfile profile, RecordReader reader) {
        if (profile.isCanonical() && reader.kind() != RecordReader.Kind.CSV) {
            return Wording.CANONICAL;
        }
        return Wording.of(reader.kind() == RecordReader.Kind.CSV ? reader.header() : null, profile::mapColumn,
                profile.datePattern(), profile.decimalSeparator());
    }
}

package io.dealsync.read;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * The text of a workbook cell Excel holds as a number, as the source's profile writes it: a
 * date-formatted one in the profile's date form (ISO for the canonical profile), any other as a plain
 * number with the profile's decimal separator; so a sheet's cells read like the same source's CSV cells.
 */
final class SheetNumberFormatter extends DataFormatter {
    private final DateTimeFormatter dates;
    private final char decimal;

    SheetNumberFormatter(SourceProfile profile) {
        this.dates = profile.datePattern() == null ? DateTimeFormatter.ISO_LOCAL_DATE
                : DateTimeFormatter.ofPattern(profile.datePattern());
        this.decimal = profile.decimalSeparator();
    }

    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
        if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
            LocalDateTime t = DateUtil.getLocalDateTime(value, use1904);
            return dates.format(t.toLocalDate());
        }
        String plain = BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        return decimal == '.' ? plain : plain.replace('.', decimal);
    }
}

package db.migration;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Email keys were lower-cased only; they are now also Unicode NFC (so a decomposed "í" typed on one
 * keyboard finds the account made with a composed one). SQL cannot normalise Unicode, so Java does.
 * The old accent-insensitive unique key already kept two forms of one address from both existing.
 */
public class V21__NormaliseEmailKeys extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Map<Long, String> changed = new LinkedHashMap<>();
        try (Statement select = context.getConnection().createStatement();
                ResultSet rows = select.executeQuery("SELECT id, email FROM account")) {
            while (rows.next()) {
                String key =
                        Normalizer.normalize(rows.getString(2).strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
                changed.put(rows.getLong(1), key);
            }
        }
        try (PreparedStatement update = context.getConnection()
                .prepareStatement("UPDATE account SET email_key = ? WHERE id = ? AND email_key <> ?")) {
            for (Map.Entry<Long, String> row : changed.entrySet()) {
                update.setString(1, row.getValue());
                update.setLong(2, row.getKey());
                update.setString(3, row.getValue());
                update.addBatch();
            }
            update.executeBatch();
        }
    }
}

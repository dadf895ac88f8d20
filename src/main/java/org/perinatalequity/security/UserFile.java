package org.perinatalequity.security;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the embedded user store: a CSV file with the header
 * {@code username,password,roles,teams,token_sha256}. {@code password} is a BCrypt hash; {@code roles}
 * and {@code teams} are space-separated; {@code token_sha256} (optional) is the hex SHA-256 of an API
 * bearer token. Lines starting with {@code #} are comments. A mistake stops the start with the line
 * named, because a half-read user list would lock people out or, worse, grant the wrong role.
 */
final class UserFile {

    /** One user of the store. */
    record Entry(String username, String passwordHash, Set<String> roles, Set<String> teams, String tokenSha256) {
    }

    private static final Pattern BCRYPT = Pattern.compile("^\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}$");
    private static final Pattern SHA256_HEX = Pattern.compile("^[0-9a-f]{64}$");
    private static final Pattern USERNAME = Pattern.compile("^[A-Za-z0-9._@-]{1,100}$");

    private UserFile() {
    }

    static Map<String, Entry> read(Path file) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setCommentMarker('#')
                .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get();
        Map<String, Entry> users = new LinkedHashMap<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord row : format.parse(reader)) {
                Entry entry = entry(row, file);
                if (users.putIfAbsent(entry.username().toLowerCase(Locale.ROOT), entry) != null) {
                    throw invalid(file, row, "user '" + entry.username() + "' is listed twice");
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("The users file " + file + " cannot be read: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The users file " + file + " is not a CSV with the header"
                    + " username,password,roles,teams,token_sha256: " + e.getMessage(), e);
        }
        return users;
    }

    private static Entry entry(CSVRecord row, Path file) {
        String username = cell(row, "username");
        if (!USERNAME.matcher(username).matches()) {
            throw invalid(file, row, "the username must be 1-100 letters, digits or . _ @ -");
        }
        String hash = cell(row, "password").replaceFirst("^\\{bcrypt\\}", "");
        if (!BCRYPT.matcher(hash).matches()) {
            throw invalid(file, row, "the password of '" + username + "' is not a BCrypt hash (see docs/security.md)");
        }
        Set<String> roles = words(cell(row, "roles")).stream().map(r -> r.toUpperCase(Locale.ROOT))
                .collect(Collectors.toCollection(TreeSet::new));
        for (String role : roles) {
            if (!Roles.USER_ROLES.contains(role)) {
                throw invalid(file, row, "unknown role '" + role + "' (roles: " + String.join(", ", Roles.USER_ROLES) + ")");
            }
        }
        if (roles.isEmpty()) {
            throw invalid(file, row, "'" + username + "' has no role");
        }
        Set<String> teams = words(cell(row, "teams"));
        if (roles.contains(Roles.TEAM) && teams.isEmpty()) {
            throw invalid(file, row, "'" + username + "' has the role TEAM but no team id");
        }
        String token = row.isMapped("token_sha256") && row.isSet("token_sha256")
                ? row.get("token_sha256").toLowerCase(Locale.ROOT) : "";
        if (!token.isEmpty() && !SHA256_HEX.matcher(token).matches()) {
            throw invalid(file, row, "token_sha256 of '" + username + "' is not 64 hex digits");
        }
        return new Entry(username, hash, roles, teams, token.isEmpty() ? null : token);
    }

    private static String cell(CSVRecord row, String column) {
        return row.isMapped(column) && row.isSet(column) ? row.get(column) : "";
    }

    private static Set<String> words(String text) {
        return Arrays.stream(text.trim().split("\\s+")).filter(w -> !w.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static IllegalStateException invalid(Path file, CSVRecord row, String why) {
        return new IllegalStateException("The users file " + file + ", line " + row.getParser().getCurrentLineNumber()
                + ": " + why);
    }
}

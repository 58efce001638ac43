## Documents of practices and organizations
documents-of-practice = Dokumente zu { $name }
documents-of-organization = Dokumente von { $name }
documents-back-to = Zurück zu { $name }
documents-back-to-list = Zurück zu den Dokumenten
documents-none = Noch keine Dokumente.
documents-table-caption = Dokumente, das neueste zuletzt
documents-col-name = Datei
documents-col-size = Größe
documents-col-type = Typ
documents-col-uploader = Hochgeladen von
documents-col-date = Datum
documents-col-version = Version
documents-col-download = Herunterladen
documents-download-named = { $name } herunterladen
documents-download-latest = Neueste Version herunterladen
documents-download-version = Version { $n } herunterladen
documents-deleted-account = Gelöschtes Konto
documents-size-bytes = { $n } Byte
documents-size-kb = { $n } KB
documents-size-mb = { $n } MB
documents-size-gb = { $n } GB
documents-type-pdf = PDF
documents-type-image = Bild
documents-type-zip = ZIP-Archiv
documents-type-text-document = Textdokument
documents-type-spreadsheet = Tabelle
documents-type-presentation = Präsentation
documents-type-plain-text = Reiner Text
documents-type-other = Sonstige

## Uploading, versions, deleting
documents-upload-title = Dokument hochladen
documents-field-file = Datei
documents-hint-file = PDF, Bilder, Office-Dokumente, CSV, Text oder ZIP; höchstens 25 MB.
documents-field-title = Titel
documents-hint-title = Optional: Sonst wird der Dateiname verwendet.
documents-progress = Upload-Fortschritt
documents-upload-submit = Hochladen
documents-versions-title = Versionen
documents-new-version-title = Neue Version hochladen
documents-new-version-submit = Neue Version hochladen
documents-delete-title = Dieses Dokument löschen
documents-delete-hint = Niemand kann es dann mehr herunterladen, auch keine älteren Versionen.
documents-delete-submit = Dokument löschen
documents-error-too-large = Diese Datei ist zu groß.
documents-error-quota = Für diese Datei ist kein Speicherplatz mehr frei: Löschen Sie zuerst Dokumente oder wenden Sie sich an die Administration.
documents-error-type = Diese Dateiart wird nicht akzeptiert, oder ihr Name passt nicht zu ihrem Inhalt.
notice-document-uploaded = Das Dokument ist hochgeladen.
notice-document-version-added = Die neue Version ist hochgeladen.
notice-document-deleted = Das Dokument ist gelöscht.

## Messages of the server's checks (key: v- and the English message as a slug)
v-send-one-file-per-request = Wählen Sie eine einzelne Datei.

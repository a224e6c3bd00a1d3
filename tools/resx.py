#!/usr/bin/env python3
"""Writes src/Rumbo.Web/Resources/SharedResource.resx (English, for keys that are not English text)
and SharedResource.es.resx (Spanish) from the table below, and checks that every key the pages use has
a Spanish entry. Run it after adding interface text: python3 tools/resx.py"""
import os, re, sys
from xml.sax.saxutils import escape

ES = {
"API and open data": "API y datos abiertos",
"Adopted by": "Adoptada por",
"Agenda": "Agenda",
"Agendas": "Agendas",
"All agendas": "Todas las agendas",
"All agendas with their counts and links.": "Todas las agendas, con sus totales y enlaces.",
"Answer": "Respuesta",
"Background": "Antecedentes",
"Breadcrumb": "Ruta de navegación",
"Case and accents are ignored. Put a phrase in quotes to find it as written.": "No se distinguen mayúsculas ni tildes. Ponga una frase entre comillas para buscarla tal cual.",
"Collapse all": "Contraer todo",
"Contents": "Contenido",
"Date": "Fecha",
"Download CSV": "Descargar CSV",
"Download JSON": "Descargar JSON",
"Download XLSX": "Descargar XLSX",
"Downloads": "Descargas",
"Endpoints": "Puntos de acceso",
"Errors": "Errores",
"Errors are answered as problem details (RFC 9457) with status 400 for bad input and 404 for what does not exist.": "Los errores se responden como detalles de problema (RFC 9457), con el estado 400 para datos incorrectos y 404 para lo que no existe.",
"Everything public in Rumbo can be read as data. The API is read-only here, needs no key, answers JSON, and keeps its URLs stable.": "Todo lo público en Rumbo puede leerse como datos. Aquí la API es de solo lectura, no requiere clave, responde en JSON y mantiene sus direcciones estables.",
"Example": "Ejemplo",
"Expand all": "Expandir todo",
"Follow-up mechanism": "Mecanismo de seguimiento",
"Follow-up of regional development agendas": "Seguimiento de las agendas regionales de desarrollo",
"Go to the home page": "Ir a la página de inicio",
"Home": "Inicio",
"Its place in the agenda": "Su lugar en la agenda",
"Language": "Idioma",
"Line of action": "Línea de acción",
"Lines of action": "Líneas de acción",
"Linked records": "Registros vinculados",
"Main": "Principal",
"Meeting": "Reunión",
"Next": "Siguiente",
"No agenda has been imported yet.": "Todavía no se ha importado ninguna agenda.",
"No group, meeting, agreement, document, indicator or policy is linked to this line of action yet.": "Todavía no hay grupos, reuniones, acuerdos, documentos, indicadores ni políticas vinculados a esta línea de acción.",
"Nothing matches. Try fewer or shorter words.": "No hay coincidencias. Pruebe con menos palabras o más cortas.",
"Objective": "Objetivo",
"One agenda with its whole tree and codes. The key is the id, the slug or the symbol.": "Una agenda con todo su árbol y sus códigos. La clave es el identificador numérico, la forma corta de la signatura o la signatura.",
"One line of action and its place in the agenda.": "Una línea de acción y su lugar en la agenda.",
"Open data and API": "Datos abiertos y API",
"OpenAPI document": "Documento OpenAPI",
"Original language": "Idioma original",
"Language of these texts": "Idioma de estos textos",
"Page not found": "Página no encontrada",
"Permanent link": "Enlace permanente",
"Place": "Lugar",
"Previous": "Anterior",
"Principles": "Principios",
"Reference": "Referencia",
"Request": "Solicitud",
"Rumbo follows up regional development agendas: agendas, groups, meetings, agreements, targets and indicators.": "Rumbo da seguimiento a las agendas regionales de desarrollo: agendas, grupos, reuniones, acuerdos, metas e indicadores.",
"Rumbo home": "Inicio de Rumbo",
"Rumbo is open-source software for the follow-up of regional development agendas.": "Rumbo es software de código abierto para el seguimiento de las agendas regionales de desarrollo.",
"Rumbo is where the countries of Latin America and the Caribbean follow up the regional agendas they adopt together: the agendas and their lines of action, the bodies and working groups that carry them out, their meetings, agreements and documents, and the targets and indicators each country reports.": "Rumbo es el lugar donde los países de América Latina y el Caribe dan seguimiento a las agendas regionales que adoptan juntos: las agendas y sus líneas de acción, los órganos y grupos de trabajo que las llevan adelante, sus reuniones, acuerdos y documentos, y las metas e indicadores que informa cada país.",
"Search": "Buscar",
"Search across every agenda text.": "Búsqueda en todos los textos de las agendas.",
"Search every agenda text": "Buscar en todos los textos de las agendas",
"Search the agendas": "Buscar en las agendas",
"Skip to content": "Ir al contenido",
"Something went wrong": "Algo salió mal",
"Source document": "Documento de origen",
"Status": "Estado",
"Strategic objective": "Objetivo estratégico",
"Symbol": "Signatura",
"The agenda's structure as a file.": "La estructura de la agenda como archivo.",
"The error has been logged. Nothing you entered was saved halfway.": "El error quedó registrado. Nada de lo que ingresó se guardó a medias.",
"There is no page at this address. It may have been mistyped, or the record it showed no longer exists.": "No hay ninguna página en esta dirección. Puede estar mal escrita, o el registro que mostraba ya no existe.",
"Title": "Título",
"Try the API in the explorer": "Probar la API en el explorador",
"Whether the platform and its database answer.": "Si la plataforma y su base de datos responden.",
"Words or \"a phrase\"": "Palabras o \"una frase\"",
"e.g. foresight, \"open government\"": "p. ej., prospectiva, \"gobierno abierto\"",
"count:lines": "líneas de acción", "count:line": "línea de acción", "count:principle": "principio", "count:objective": "objetivo estratégico",
"count:principles": "principios",
"count:objectives": "objetivos estratégicos",
"Other lines of action of objective {0}": "Otras líneas de acción del objetivo {0}",
"Showing the first {0} results.": "Se muestran los primeros {0} resultados.",
"The imported document lists no strategic objectives here.": "El documento importado no enumera objetivos estratégicos en este nivel.",
"This line of action was retired on {0}. It keeps its code and this page; no new record may link to it.": "Esta línea de acción se retiró el {0}. Conserva su código y esta página; ningún registro nuevo puede vincularse a ella.",
"In figures": "En cifras",
"Edit agenda": "Editar la agenda",
"Edit": "Editar",
"Edit line of action": "Editar la línea de acción",
"Edit strategic objective": "Editar el objetivo estratégico",
"Edit objective {0} and its lines": "Editar el objetivo {0} y sus líneas",
"Someone else saved this agenda after you opened this page. Nothing was saved.": "Otra persona guardó esta agenda después de que usted abriera esta página. No se guardó nada.",
"The text saved now is:": "El texto guardado ahora es:",
"Your text is still in the form: save again to replace it, or leave the page to keep theirs.": "Su texto sigue en el formulario: guarde de nuevo para reemplazarlo, o salga de la página para conservar el de la otra persona.",
"The code of a line never changes: moving it changes its place, retiring it keeps its code and its page.": "El código de una línea nunca cambia: moverla cambia su lugar; retirarla conserva su código y su página.",
"Retired: the line keeps its code and page, and no new record may link to it": "Retirada: la línea conserva su código y su página, y ningún registro nuevo puede vincularse a ella",
"Retired: the objective keeps its code and page, and no new record may link to it": "Retirado: el objetivo conserva su código y su página, y ningún registro nuevo puede vincularse a él",
"Save": "Guardar",
"Cancel": "Cancelar",
"Saved.": "Guardado.",
"Moving a line changes its place, never its code.": "Mover una línea cambia su lugar, nunca su código.",
"Move {0} up": "Subir {0}",
"Move {0} down": "Bajar {0}",
"Add a line of action": "Agregar una línea de acción",
"Add a strategic objective": "Agregar un objetivo estratégico",
"Add": "Agregar",
"Strategic objectives": "Objetivos estratégicos",
"New line of action": "Nueva línea de acción",
"New strategic objective": "Nuevo objetivo estratégico",
"as written": "tal como está escrito",
"English translation": "traducción al inglés",
"Spanish translation": "traducción al español",
"Portuguese translation": "traducción al portugués",
"French translation": "traducción al francés",
"The text is required.": "El texto es obligatorio.",
"The text is longer than 4000 characters.": "El texto tiene más de 4000 caracteres.",
"Choose a status.": "Elija un estado.",
"Choose the area of the new objective.": "Elija el área del nuevo objetivo.",
"Site search": "Búsqueda en el sitio",
"Search options": "Opciones de búsqueda",
"Retired": "Retirada",
"The request could not be answered (status {0}).": "No se pudo responder a la solicitud (estado {0}).",
"The texts of this agenda are shown in {0}, the language of the imported document: no translation into this language has been entered yet.": "Los textos de esta agenda se muestran en {0}, el idioma del documento importado: todavía no se ha ingresado una traducción a este idioma.",
"{0} results for {1}": "{0} resultados para {1}",
"{0} result for {1}": "{0} resultado para {1}",
"Type one or more words to search for.": "Escriba una o más palabras para buscar.",
"A search has at most 200 characters.": "Una búsqueda tiene como máximo 200 caracteres.",
# dynamic keys
"Draft": "Borrador", "Adopted": "Adoptada", "Superseded": "Reemplazada", "Archived": "Archivada",
"English": "inglés", "Spanish": "español", "Portuguese": "portugués", "French": "francés",
"Area": "Área", "Axis": "Eje",
"Area:plural": "áreas", "Axis:plural": "ejes", "Area:one": "área", "Axis:one": "eje",
"kind:Agenda": "Agenda", "kind:Principle": "Principio", "kind:Area": "Área", "kind:Objective": "Objetivo", "kind:Line": "Línea de acción", "kind:Background": "Antecedentes", "kind:FollowUp": "Mecanismo de seguimiento",
}
# Keys that are not plain English text need an English value too.
EN = {
"count:line": "line of action", "count:principle": "principle", "count:objective": "strategic objective", "Area:one": "area", "Axis:one": "axis",
"count:lines": "lines of action", "count:principles": "principles", "count:objectives": "strategic objectives",
"Area:plural": "areas", "Axis:plural": "axes",
"kind:Agenda": "Agenda", "kind:Principle": "Principle", "kind:Area": "Area", "kind:Objective": "Objective", "kind:Line": "Line of action", "kind:Background": "Background", "kind:FollowUp": "Follow-up mechanism",
}

HEAD = '''<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
'''

def write(path, table):
    with open(path, "w", encoding="utf-8") as f:
        f.write(HEAD)
        for k in sorted(table):
            f.write(f'  <data name="{escape(k, {chr(34): "&quot;"})}" xml:space="preserve"><value>{escape(table[k])}</value></data>\n')
        f.write("</root>\n")

root = os.path.join(os.path.dirname(__file__), "..", "src", "Rumbo.Web")
used = set()
for dirpath, _, files in os.walk(os.path.join(root, "Pages")):
    for name in files:
        if name.endswith((".cshtml", ".cs")):
            text = open(os.path.join(dirpath, name), encoding="utf-8").read()
            for m in re.finditer(r'T\["((?:[^"\\]|\\.)*)"[\],]', text):
                used.add(m.group(1).replace('\\"', '"'))
missing = sorted(k for k in used if k not in ES)
if missing:
    print("missing Spanish for:", *missing, sep="\n  ")
    sys.exit(1)
os.makedirs(os.path.join(root, "Resources"), exist_ok=True)
write(os.path.join(root, "Resources", "SharedResource.resx"), EN)
write(os.path.join(root, "Resources", "SharedResource.es.resx"), ES)
print(f"{len(ES)} Spanish strings, {len(used)} used by the pages")
